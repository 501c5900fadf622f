"""policybot's platform-independent core: knowledge, retrieval, reports, storage, config."""
