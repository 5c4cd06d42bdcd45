package org.retailrl.algorithms.checkpoint;

import org.retailrl.algorithms.inventory.InventoryLearners;
import org.retailrl.algorithms.multiproduct.MultiProductAgentEnv;
import org.retailrl.algorithms.multiproduct.MultiProductLearners;
import org.retailrl.algorithms.pricing.PricingLearners;
import org.retailrl.algorithms.recommendation.DecisionSpace;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.json.Json;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.inventory.LostSalesScenarioJson;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.multiproduct.MultiProductScenarioJson;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarioJson;

/**
 * The learners a run, a checkpoint or a policy file can hold (docs/model.md §8), each a problem,
 * a set of agents and a default configuration on the one learner core. {@link #label()} is the
 * name used in files and on the command line, and the {@code kind} of a saved policy file.
 */
public enum Algorithm {
    /** FSDA: pricing and ordering agents on two timescales (docs/model.md §1, §8.7). */
    FSDA("fsda", Problem.PRICING, Presets.FSDA),
    /** One PPO agent over the joint (price, order) action (docs/model.md §1, §8.8). */
    PPO_JOINT("ppo-joint", Problem.PRICING, Presets.PPO_JOINT),
    /** MTMA: replenishment (slow) and recommendation (fast) agents (docs/model.md §3). */
    MTMA("mtma", Problem.RECOMMENDATION, Presets.MTMA),
    /** Joint IM-RS: one agent makes both decisions (docs/model.md §3). */
    JOINT_IM_RS("joint-im-rs", Problem.RECOMMENDATION, Presets.MTMA_SINGLE),
    /** IM-Only: replenishment learned, exposure random. */
    IM_ONLY("im-only", Problem.RECOMMENDATION, Presets.MTMA_SINGLE),
    /** RS-Only: recommendation learned, orders random. */
    RS_ONLY("rs-only", Problem.RECOMMENDATION, Presets.MTMA_SINGLE),
    /** RS-Only with the fitted base-stock orders instead of random ones (the fair baseline). */
    RS_ONLY_BASE_STOCK("rs-only-base-stock", Problem.RECOMMENDATION, Presets.MTMA_SINGLE),
    /** MTMA with the discrete exposure of {@link DecisionSpace#segments} (the ablation of §3.7). */
    MTMA_DISCRETE("mtma-discrete", Problem.RECOMMENDATION, Presets.MTMA),
    /** Joint IM-RS with the discrete exposure of {@link DecisionSpace#segments}. */
    JOINT_IM_RS_DISCRETE("joint-im-rs-discrete", Problem.RECOMMENDATION, Presets.MTMA_SINGLE),
    /** One PPO agent ordering in the lost-sales problem with lead time (docs/model.md §7.1). */
    PPO_LOST_SALES("ppo-lost-sales", Problem.LOST_SALES, Presets.PPO_INVENTORY),
    /** FSDA on N products: a fast pricing and a slow ordering agent per product (docs/model.md §4.3). */
    FSDA_2N("fsda-2n", Problem.MULTIPRODUCT, Presets.FSDA),
    /** HAPPO over the 2N pricing and ordering agents, all updated every round (docs/model.md §4.3). */
    HAPPO_2N("happo-2n", Problem.MULTIPRODUCT, Presets.HAPPO),
    /** One joint-action PPO agent per product, independent updates (docs/model.md §4.3). */
    PPO_PER_PRODUCT("ppo-per-product", Problem.MULTIPRODUCT, Presets.PPO_PER_PRODUCT),
    /** One PPO agent over every product's price and order as 2N factors (docs/model.md §4.3). */
    PPO_FACTORED("ppo-factored", Problem.MULTIPRODUCT, Presets.PPO_JOINT),
    /** One PPO network shared by every product, with a product code (docs/model.md §4.3). */
    PPO_SHARED("ppo-shared", Problem.MULTIPRODUCT, Presets.PPO_JOINT);

    /** Which simulator an algorithm trains on, with its scenario type and that type's JSON form. */
    public enum Problem {
        /** Pricing and replenishment under competition (docs/model.md §1). */
        PRICING(PricingScenario.class),
        /** Inventory with recommendation (docs/model.md §3). */
        RECOMMENDATION(RecommendationScenario.class),
        /** Lost sales with lead time (docs/model.md §7.1). */
        LOST_SALES(LostSalesScenario.class),
        /** Multi-product pricing and replenishment with correlated demand (docs/model.md §4). */
        MULTIPRODUCT(MultiProductScenario.class);

        private final Class<? extends Record> scenarioType;

        Problem(Class<? extends Record> scenarioType) {
            this.scenarioType = scenarioType;
        }

        /** The scenario record of this problem. */
        public Class<? extends Record> scenarioType() {
            return scenarioType;
        }

        /** {@code scenario} (of {@link #scenarioType()}) as JSON text with every member. */
        public String writeScenario(Record scenario) {
            return switch (this) {
                case PRICING -> PricingScenarioJson.write((PricingScenario) scenario);
                case RECOMMENDATION -> RecommendationScenarioJson.write((RecommendationScenario) scenario);
                case LOST_SALES -> Json.write(LostSalesScenarioJson.toJson((LostSalesScenario) scenario));
                case MULTIPRODUCT -> MultiProductScenarioJson.write((MultiProductScenario) scenario);
            };
        }

        /** Parses a scenario of this problem; a bad one is an {@link IllegalArgumentException} naming the field. */
        public Record parseScenario(String json) {
            return switch (this) {
                case PRICING -> PricingScenarioJson.parse(json);
                case RECOMMENDATION -> RecommendationScenarioJson.parse(json);
                case LOST_SALES -> LostSalesScenarioJson.parse(json);
                case MULTIPRODUCT -> MultiProductScenarioJson.parse(json);
            };
        }
    }

    private final String label;
    private final Problem problem;
    private final LearnerConfig defaults;

    Algorithm(String label, Problem problem, LearnerConfig defaults) {
        this.label = label;
        this.problem = problem;
        this.defaults = defaults;
    }

    /** The external name. */
    public String label() {
        return label;
    }

    /** The simulator it trains on. */
    public Problem problem() {
        return problem;
    }

    /** Its default hyperparameters. */
    public LearnerConfig defaults() {
        return defaults;
    }

    /** The recommendation learner it is, or null for any other algorithm. */
    public Learner learner() {
        return switch (this) {
            case MTMA, MTMA_DISCRETE -> Learner.MTMA;
            case JOINT_IM_RS, JOINT_IM_RS_DISCRETE -> Learner.JOINT;
            case IM_ONLY -> Learner.IM_ONLY;
            case RS_ONLY -> Learner.RS_ONLY;
            case RS_ONLY_BASE_STOCK -> Learner.RS_ONLY_BASE_STOCK;
            default -> null;
        };
    }

    /**
     * The action space of a recommendation algorithm on {@code s}: exposure on the simplex, or the
     * discrete segment choices for the {@code -discrete} ablations (docs/model.md §3.7).
     */
    public DecisionSpace space(RecommendationScenario s) {
        return this == MTMA_DISCRETE || this == JOINT_IM_RS_DISCRETE ? DecisionSpace.segments(s) : new DecisionSpace(s);
    }

    /**
     * A fresh trainer for {@code spec} (its scenario must be of this algorithm's problem, which
     * {@link RunSpec} checks).
     */
    Trainer trainer(RunSpec spec) {
        return switch (problem) {
            case PRICING -> this == FSDA
                    ? PricingLearners.fsda((PricingScenario) spec.scenario(), spec.copies(), spec.config(), spec.seed(),
                            spec.episodes())
                    : PricingLearners.ppoJoint((PricingScenario) spec.scenario(), spec.copies(), spec.config(),
                            spec.seed(), spec.episodes());
            case RECOMMENDATION -> learner().trainer(space((RecommendationScenario) spec.scenario()),
                    spec.config(), spec.copies(), spec.seed(), spec.episodes());
            case LOST_SALES -> InventoryLearners.lostSales((LostSalesScenario) spec.scenario(), spec.copies(),
                    spec.config(), spec.seed(), spec.episodes());
            case MULTIPRODUCT -> MultiProductLearners.trainer((MultiProductScenario) spec.scenario(), spec.copies(),
                    spec.config(), spec.seed(), spec.episodes(), split());
        };
    }

    /** How a multi-product algorithm splits the decisions among agents; null for the other problems. */
    public MultiProductAgentEnv.Agents split() {
        return switch (this) {
            case FSDA_2N, HAPPO_2N -> MultiProductAgentEnv.Agents.PRICING_AND_ORDERING;
            case PPO_PER_PRODUCT -> MultiProductAgentEnv.Agents.PER_PRODUCT_JOINT;
            case PPO_FACTORED -> MultiProductAgentEnv.Agents.FACTORED;
            case PPO_SHARED -> MultiProductAgentEnv.Agents.SHARED;
            default -> null;
        };
    }

    /** The algorithm that trains recommendation learner {@code l}. */
    public static Algorithm of(Learner l) {
        return switch (l) {
            case MTMA -> MTMA;
            case JOINT -> JOINT_IM_RS;
            case IM_ONLY -> IM_ONLY;
            case RS_ONLY -> RS_ONLY;
            case RS_ONLY_BASE_STOCK -> RS_ONLY_BASE_STOCK;
        };
    }

    /** The algorithm named {@code label} ({@code ppo} also means {@code ppo-joint}). */
    public static Algorithm of(String label) {
        if (label != null) {
            for (Algorithm a : values()) {
                if (a.label.equals(label)) {
                    return a;
                }
            }
            if (label.equals("ppo")) {
                return PPO_JOINT;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Algorithm a : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(a.label);
        }
        throw new IllegalArgumentException("algorithm must be one of " + names + " (ppo = ppo-joint), got '" + label + "'");
    }
}
