/** An application that embeds a trained retailrl pricing policy: the runtime is its only dependency. */
module org.retailrl.examples.embed {
    requires org.retailrl.runtime;
}
