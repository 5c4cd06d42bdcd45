package org.retailrl.fleet;

import java.io.Serializable;
import java.util.Locale;

/**
 * One store–product series of the catalogue (docs/model.md §5.4): the store and brand of a
 * data-driven pricing scenario and the scanner file that holds its history.
 *
 * @param store store number
 * @param brand brand (product) number
 * @param data  the scanner CSV with this series' weeks (plain or gzip)
 */
public record SeriesSpec(int store, int brand, String data) implements Serializable {
    /** Validates the fields. */
    public SeriesSpec {
        if (store < 0) {
            throw new IllegalArgumentException("series 'store' must be >= 0, got " + store);
        }
        if (brand < 1) {
            throw new IllegalArgumentException("series 'brand' must be >= 1, got " + brand);
        }
        if (data == null || data.isBlank()) {
            throw new IllegalArgumentException("series store " + store + ", brand " + brand + " has no 'data' path");
        }
    }

    /** The series' name and folder name, {@code s<store>-b<brand>}. */
    public String id() {
        return String.format(Locale.ROOT, "s%d-b%d", store, brand);
    }
}
