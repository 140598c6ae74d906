using Microsoft.Extensions.Configuration;
using Swarm.Application.Configuration;
using Swarm.Domain.Learning;
using Swarm.Tests;

namespace Swarm.Application.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void The_repository_config_json_loads_once_the_host_supplies_storage_and_a_secret()
    {
        var root = RepositoryPaths.Root;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "config.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["JWT_SECRET"] = TestSettings.Secret, ["database:accountName"] = "swarmstore" })
            .Build();

        var settings = SwarmSettingsLoader.Load(configuration);

        Assert.Equal(50, settings.System.MaxAgents);
        Assert.Equal(TestSettings.Secret, settings.Security.Jwt.Secret);
        Assert.Equal((true, 500, 20, 0.25, false), (settings.Learning.Patterns.Enabled, settings.Learning.Patterns.MaxPerShard,
            settings.Learning.Patterns.Neighbours, settings.Learning.Patterns.MinSimilarity, settings.Learning.Patterns.ShareLessons));
    }

    [Theory]
    [InlineData("system:maxAgents", "0", "'system:maxAgents'")]
    [InlineData("system:maxAgents", "many", "'system:maxAgents' is 'many', which is not a whole number")]
    [InlineData("system:maxAgent", "5", "'system:maxAgent' is not a setting")]
    [InlineData("database:type", "sqlite", "'database:type' 'sqlite' is not supported")]
    [InlineData("security:jwt:secret", "short", "'security:jwt:secret' is 5 characters")]
    [InlineData("defaultAgent:type", "king", "'defaultAgent:type'")]
    [InlineData("learning:learningRate", "2", "'learning:learningRate'")]
    [InlineData("security:roles:auditor:0", "audit:delete", "'security:roles:auditor' grants 'audit:delete', which is not a permission")]
    [InlineData("providers:openai:maxRetries", "50", "'providers:openai:maxRetries' must be between 0 and 10")]
    [InlineData("autoscaling:pools:worker:min", "0", "'autoscaling:pools:worker' must satisfy 1 <= min <= max")]
    [InlineData("autoscaling:cooldownSeconds", "0", "'autoscaling:cooldownSeconds' must be between 1 and 86400")]
    [InlineData("autoscaling:pools:worker:maximum", "3", "'autoscaling:pools:worker:maximum' is not a setting")]
    [InlineData("providers:openai:apikey2", "x", "'providers:openai:apikey2' is not a setting")]
    [InlineData("providers:claude:prices:claude-x:inputPerMillion", "3", "'providers:claude:prices:claude-x:inputPerMillion' is not a setting")]
    [InlineData("providers:claude:prices:claude-x:inputPerMillionTokens", "-1", "'providers:claude:prices:claude-x' must not be negative")]
    [InlineData("providers:qwen:fallback:0", "gpt-4o", "'providers:qwen:fallback' has 'gpt-4o', which is not 'type:model'")]
    [InlineData("realtime:endpoint", "ftp://swarm.example.com", "'realtime:endpoint' must be an absolute https URL")]
    [InlineData("realtime:endpont", "https://swarm.webpubsub.azure.com", "'realtime:endpont' is not a setting")]
    [InlineData("realtime:heartbeatSeconds", "0", "'realtime:heartbeatSeconds' must be between 1 and 3600")]
    [InlineData("realtime:endpoint", "https://swarm.webpubsub.azure.com", "'realtime:accessKey' or 'realtime:upstreamAudience' must be set when the channel is on")]
    [InlineData("realtime:secondaryAccessKey", "0123456789abcdef0123456789abcdef0123456789ab", "'realtime:secondaryAccessKey' is only the second of two keys")]
    [InlineData("realtime:secondaryAccessKey", "short", "'realtime:secondaryAccessKey' must be at least 32 characters")]
    [InlineData("realtime:upstreamAudience", "api://swarm-events", "'realtime:upstreamAuthority' must be the Entra authority")]
    [InlineData("realtime:upstreamAudience", "api://swarm-events", "'realtime:upstreamCallerIds' must name the Web PubSub resource's managed identity")]
    [InlineData("providers:local:api", "grpc", "'providers:local:api' must be 'ollama' or 'openai'")]
    [InlineData("providers:custom:baseUrl", "ftp://models", "'providers:custom:baseUrl' must be an absolute http or https URL")]
    [InlineData("providers:simulated:profiles:expert:accuracy", "1.5", "'providers:simulated:profiles:expert' has a rate outside 0 to 1")]
    [InlineData("providers:simulated:failureRate", "often", "'providers:simulated:failureRate' is 'often', which is not a number")]
    [InlineData("system:logLevel", "loud", "'system:logLevel' (or LOG_LEVEL) is 'loud'; use trace, debug, info, warn, error, critical or none")]
    [InlineData("learning:embeddings:provider", "claude", "'learning:embeddings:provider' is 'claude', which cannot embed")]
    [InlineData("learning:embeddings:dimensions", "32", "'learning:embeddings:dimensions' must be between 64 and 1024")]
    [InlineData("learning:embeddings:dimension", "256", "'learning:embeddings:dimension' is not a setting")]
    [InlineData("learning:patterns:maxPerShard", "10", "'learning:patterns:maxPerShard' must be between 50 and 2000 (was 10)")]
    [InlineData("learning:patterns:neighbours", "0", "'learning:patterns:neighbours' must be between 1 and 50 (was 0)")]
    [InlineData("learning:patterns:minSimilarity", "1", "'learning:patterns:minSimilarity' must be above 0 and below 1 (was 1)")]
    [InlineData("learning:patterns:neighbors", "5", "'learning:patterns:neighbors' is not a setting")]
    [InlineData("dispatch:shards", "0", "'dispatch:shards' must be between 1 and 16 (was 0)")]
    [InlineData("durable:messageVisibilityTimeoutSeconds", "5", "'durable:messageVisibilityTimeoutSeconds' must be between 15 and 600")]
    [InlineData("dispatch:shards", "17", "'dispatch:shards' must be between 1 and 16 (was 17)")]
    [InlineData("dispatch:shard", "2", "'dispatch:shard' is not a setting")]
    [InlineData("selfHealing:graceSeconds", "0", "'selfHealing:graceSeconds' must be between 1 and 86400")]
    public void A_bad_setting_stops_the_host_with_its_key_named(string key, string value, string expected)
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load((key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greedy", RoutingAlgorithm.Greedy)]
    [InlineData("epsilon-greedy", RoutingAlgorithm.EpsilonGreedy)]
    [InlineData("thompson", RoutingAlgorithm.Thompson)]
    [InlineData("hybrid", RoutingAlgorithm.Hybrid)]
    [InlineData("ucb", RoutingAlgorithm.Ucb)]
    [InlineData("Thompson", RoutingAlgorithm.Thompson)]
    public void Each_algorithm_name_is_accepted(string name, RoutingAlgorithm algorithm)
    {
        var settings = TestSettings.Load(("learning:algorithm", name), ("learning:explorationRate", "0"), ("learning:learningRate", "1"));

        Assert.Equal(new LearningPolicy(algorithm, 1, 0, true), settings.Learning.Policy);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("https://ops.example.com/dashboard")]
    [InlineData("ftp://ops.example.com")]
    [InlineData("ops.example.com")]
    public void A_cors_origin_must_be_an_origin_without_a_path_or_a_wildcard(string origin)
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("api:cors:allowedOrigins:0", origin)));

        Assert.Contains($"'api:cors:allowedOrigins' '{origin}' is not an origin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cors_allows_no_origin_by_default_and_takes_origins_as_browsers_send_them()
    {
        Assert.Empty(TestSettings.Load().Api.Cors.Origins);

        var settings = TestSettings.Load(("api:cors:allowedOrigins:0", "https://ops.example.com/"), ("api:cors:allowedOrigins:1", "http://127.0.0.1:3000"));

        Assert.Equal(["https://ops.example.com", "http://127.0.0.1:3000"], settings.Api.Cors.Origins);
    }

    [Fact]
    public void An_unknown_algorithm_lists_the_four()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("learning:algorithm", "q-learning")));

        Assert.Contains("'learning:algorithm' is 'q-learning'; use one of greedy, epsilon-greedy, thompson, hybrid, ucb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_keys_come_from_the_spec_env_names_and_a_configured_key_wins()
    {
        var settings = TestSettings.Load(
            ("QWEN_API_KEY", "qwen-from-env"), ("OPENAI_API_KEY", "openai-from-env"), ("CLAUDE_API_KEY", "claude-from-env"),
            ("CUSTOM_API_KEY", "custom-from-env"), ("providers:openai:apiKey", "openai-from-settings"));

        Assert.Equal("qwen-from-env", settings.Providers.Qwen.ApiKey);
        Assert.Equal("openai-from-settings", settings.Providers.OpenAi.ApiKey);
        Assert.Equal("claude-from-env", settings.Providers.Claude.ApiKey);
        Assert.Equal("custom-from-env", settings.Providers.Custom.ApiKey);
        Assert.Null(settings.Providers.Local.ApiKey);
    }

    [Fact]
    public void Provider_blocks_bind_prices_fallbacks_headers_and_simulated_profiles()
    {
        var settings = TestSettings.Load(
            ("providers:openai:prices:gpt-4o-mini:inputPerMillionTokens", "0.15"),
            ("providers:openai:prices:gpt-4o-mini:outputPerMillionTokens", "0.6"),
            ("providers:openai:fallback:0", "claude:claude-haiku-4-5"),
            ("providers:custom:headers:X-Tenant", "team-a"),
            ("providers:qwen:region", "china"),
            ("providers:simulated:profiles:expert:accuracy", "0.9"),
            ("providers:simulated:profiles:expert:capabilityAccuracy:analysis", "0.95"));

        Assert.Equal(0.6m, settings.Providers.OpenAi.Prices["gpt-4o-mini"].OutputPerMillionTokens);
        Assert.Equal(["claude:claude-haiku-4-5"], settings.Providers.OpenAi.Fallback);
        Assert.Equal("team-a", settings.Providers.Custom.Headers["x-tenant"]);
        Assert.Equal(Swarm.Providers.Configuration.QwenProviderSettings.ChinaEndpoint, settings.Providers.Qwen.Endpoint);
        Assert.Equal(0.95, settings.Providers.Simulated.Profiles["expert"].CapabilityAccuracy["analysis"]);
    }

    [Fact]
    public void A_missing_secret_is_named_with_the_environment_variable_that_can_supply_it()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("security:jwt:secret", null)));

        Assert.Contains("JWT_SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_secret_is_refused_in_production_and_accepted_in_development()
    {
        var sample = ("security:jwt:secret", SecuritySettings.SampleJwtSecret);

        var development = TestSettings.Load(sample);
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(sample, ("system:environment", "production")));

        Assert.Equal(SecuritySettings.SampleJwtSecret, development.Security.Jwt.Secret);
        Assert.Contains("sample secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_of_every_kind_are_reported_at_once_not_one_kind_per_restart()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(
            ("system:maxAgent", "5"), ("system:maxAgents", "many"), ("api:maxPromptLength", "lots"), ("durable:partitionCount", "99"), ("learning:algorithm", "genetic")));

        Assert.Equal(5, error.Problems.Count);
        Assert.Contains("'system:maxAgent' is not a setting", error.Message, StringComparison.Ordinal);
        Assert.Contains("'system:maxAgents' is 'many', which is not a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("'api:maxPromptLength' is 'lots', which is not a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("'durable:partitionCount' must be between 1 and 16", error.Message, StringComparison.Ordinal);
        Assert.Contains("'learning:algorithm' is 'genetic'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("debug", Microsoft.Extensions.Logging.LogLevel.Debug)]
    [InlineData("info", Microsoft.Extensions.Logging.LogLevel.Information)]
    [InlineData("WARN", Microsoft.Extensions.Logging.LogLevel.Warning)]
    [InlineData("error", Microsoft.Extensions.Logging.LogLevel.Error)]
    public void The_spec_log_level_names_set_the_minimum_log_level(string name, Microsoft.Extensions.Logging.LogLevel expected)
    {
        Assert.Equal(expected, TestSettings.Load(("system:logLevel", name)).System.MinimumLogLevel);
    }

    [Fact]
    public void The_spec_env_names_NODE_ENV_and_LOG_LEVEL_set_their_settings_and_the_swarm_own_names_win()
    {
        var spec = new Dictionary<string, string?> { ["NODE_ENV"] = "development", ["LOG_LEVEL"] = "debug", ["API_PORT"] = "3000" };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["system:environment"] = "production", ["system:logLevel"] = "info" })
            .AddSpecEnvironmentNames(spec)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["system:logLevel"] = "error" })
            .Build();

        Assert.Equal("development", configuration["system:environment"]);
        Assert.Equal("error", configuration["system:logLevel"]);
        Assert.Equal("3000", configuration["localHost:httpPort"]);
    }

    [Fact]
    public void Bad_values_of_the_spec_env_names_are_refused_naming_them_too()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(TestSettings.Configuration())
            .AddSpecEnvironmentNames(new Dictionary<string, string?> { ["NODE_ENV"] = "test", ["LOG_LEVEL"] = "verbose" })
            .Build();

        var error = Assert.Throws<SwarmConfigurationException>(() => SwarmSettingsLoader.Load(configuration));

        Assert.Contains("'system:environment' (or NODE_ENV) must be 'development' or 'production' (was 'test')", error.Message, StringComparison.Ordinal);
        Assert.Contains("'system:logLevel' (or LOG_LEVEL) is 'verbose'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_durable_backend_knobs_are_unset_by_default_and_bound_when_set()
    {
        var defaults = TestSettings.Load().Durable;
        var tuned = TestSettings.Load(("durable:extendedSessions", "true"), ("durable:controlQueueBatchSize", "16"), ("durable:maxConcurrentEntities", "8")).Durable;

        Assert.Null(defaults.ExtendedSessions);
        Assert.Null(defaults.ControlQueueBatchSize);
        Assert.Null(defaults.MaxConcurrentOrchestrations);
        Assert.True(tuned.ExtendedSessions);
        Assert.Equal(16, tuned.ControlQueueBatchSize);
        Assert.Equal(8, tuned.MaxConcurrentEntities);
    }

    [Fact]
    public void Durable_backend_knobs_out_of_range_are_refused()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(
            ("durable:controlQueueBatchSize", "33"), ("durable:maxConcurrentActivities", "0"), ("durable:maxEntityOperationBatchSize", "0")));

        Assert.Contains("'durable:controlQueueBatchSize' must be between 1 and 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("'durable:maxConcurrentActivities' must be between 1 and 1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("'durable:maxEntityOperationBatchSize' must be between 1 and 5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_version_that_is_not_a_version_is_refused_and_unset_means_the_builds()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("durable:workflowVersion", "next")));
        Assert.Contains("'durable:workflowVersion' must be a version", error.Message, StringComparison.Ordinal);

        Assert.Null(TestSettings.Load().Durable.WorkflowVersion);
        Assert.Equal("0.9", TestSettings.Load(("durable:workflowVersion", "0.9")).Durable.WorkflowVersion);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("system:maxAgents", "0"), ("durable:partitionCount", "99")));

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Real_time_settings_the_bicep_template_leaves_empty_are_unset()
    {
        // Entra mode: the key settings are present but empty; the caller list has one empty entry in key mode.
        var entra = TestSettings.Load(
            ("realtime:endpoint", "https://swarm.webpubsub.azure.com"), ("realtime:accessKey", ""), ("realtime:secondaryAccessKey", ""),
            ("realtime:upstreamAudience", "api://swarm-events"), ("realtime:upstreamAuthority", "https://login.microsoftonline.com/tenant"),
            ("realtime:upstreamCallerIds:0", "6f1d7c1e-2a8b-4c55-9a0e-3f1b2c4d5e6f"));
        var keys = TestSettings.Load(
            ("realtime:endpoint", "https://swarm.webpubsub.azure.com"), ("realtime:accessKey", new string('k', 44)), ("realtime:secondaryAccessKey", new string('s', 44)),
            ("realtime:upstreamAudience", ""), ("realtime:upstreamAuthority", ""), ("realtime:upstreamCallerIds:0", ""));

        Assert.Null(entra.Realtime.AccessKey);
        Assert.Null(entra.Realtime.SecondaryAccessKey);
        Assert.Equal(["6f1d7c1e-2a8b-4c55-9a0e-3f1b2c4d5e6f"], entra.Realtime.UpstreamCallers);
        Assert.Null(keys.Realtime.UpstreamAudience);
        Assert.Empty(keys.Realtime.UpstreamCallers);
    }
}
