using Swarm.Domain.Agents;
using Swarm.Domain.Learning;
using Swarm.Providers.Configuration;

namespace Swarm.Application.Configuration;

/// <summary>Range and consistency checks on bound settings; each problem starts with the key it concerns.</summary>
public static class SwarmSettingsValidator
{
    public static IReadOnlyList<string> Validate(SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                errors.Add($"'{key}' {problem}");
            }
        }

        var s = settings;
        Check(s.System.Environment is "development" or "production", "system:environment", $"(or NODE_ENV) must be 'development' or 'production' (was '{s.System.Environment}').");
        Check(LogLevels.TryParse(s.System.LogLevel, out _), "system:logLevel", $"(or LOG_LEVEL) is '{s.System.LogLevel}'; use {LogLevels.Allowed}.");
        Check(s.System.MaxAgents is >= 1 and <= 10_000, "system:maxAgents", $"must be between 1 and 10000 (was {s.System.MaxAgents}).");
        Check(
            string.Equals(s.Database.Type, DatabaseSettings.AzureStorage, StringComparison.OrdinalIgnoreCase),
            "database:type",
            $"'{s.Database.Type}' is not supported: this build keeps its state in Azure Storage, so use '{DatabaseSettings.AzureStorage}'.");
        Check(
            !string.IsNullOrWhiteSpace(s.Database.ConnectionString) || !string.IsNullOrWhiteSpace(s.Database.AccountName),
            "database:connectionString",
            "or 'database:accountName' must be set (UseDevelopmentStorage=true for Azurite).");

        Check(System.Text.RegularExpressions.Regex.IsMatch(s.Database.TablePrefix, "^[A-Za-z][A-Za-z0-9]{0,39}$"), "database:tablePrefix", "must be a letter followed by up to 39 letters or digits (Azure table names are alphanumeric).");

        var secret = s.Security.Jwt.Secret;
        Check(!string.IsNullOrEmpty(secret), "security:jwt:secret", "is missing; set it or the JWT_SECRET environment variable (32 characters or more).");
        if (!string.IsNullOrEmpty(secret))
        {
            Check(secret.Length >= 32, "security:jwt:secret", $"is {secret.Length} characters; HS256 needs at least 32.");
            Check(
                s.IsDevelopment || !string.Equals(secret, SecuritySettings.SampleJwtSecret, StringComparison.Ordinal),
                "security:jwt:secret",
                "is the sample secret from the repository; it is accepted only when system:environment is 'development'.");
        }

        if (s.Security.Jwt.Authority is { Length: > 0 } authority)
        {
            Check(Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && !s.Security.Jwt.RequireHttpsMetadata)),
                "security:jwt:authority", "must be an absolute https URL (http only with security:jwt:requireHttpsMetadata false).");
            Check(!string.IsNullOrWhiteSpace(s.Security.Jwt.AuthorityAudience), "security:jwt:authorityAudience", "must be set when security:jwt:authority is.");
            Check(s.Security.Jwt.AuthorityAlgorithms.All(a => a is "RS256" or "RS384" or "RS512" or "PS256" or "ES256" or "ES384"),
                "security:jwt:authorityAlgorithms", "must list asymmetric algorithms only (RS256, RS384, RS512, PS256, ES256, ES384).");
        }

        Check(s.Security.Jwt.RequireHttpsMetadata || s.IsDevelopment, "security:jwt:requireHttpsMetadata", "may be false only in development.");
        if (s.Realtime.Active)
        {
            Check(Uri.TryCreate(s.Realtime.Endpoint, UriKind.Absolute, out var realtime) && (realtime.Scheme == Uri.UriSchemeHttps || (realtime.Scheme == Uri.UriSchemeHttp && (realtime.IsLoopback || s.IsDevelopment))),
                "realtime:endpoint", "must be an absolute https URL (http only on loopback or in development).");
            Check(System.Text.RegularExpressions.Regex.IsMatch(s.Realtime.Hub, "^[A-Za-z][A-Za-z0-9_]{0,127}$"), "realtime:hub", "must be a letter followed by letters, digits or underscores (Web PubSub's hub names).");
            Check(s.Realtime.ClientTokenMinutes is >= 1 and <= 1440, "realtime:clientTokenMinutes", $"must be between 1 and 1440 (was {s.Realtime.ClientTokenMinutes}).");

            // Clients' frames reach the app as Web PubSub's event-handler requests; without a way to tell those from
            // anyone's POST, anyone could speak as any connected user.
            Check(s.Realtime.AccessKey is not null || s.Realtime.UpstreamAudience is not null, "realtime:accessKey",
                "or 'realtime:upstreamAudience' must be set when the channel is on: the event handler trusts Web PubSub's requests by their signature (the access key) or, with access keys off, by the service's Entra token (its audience).");
        }

        // Checked even with the channel off: agents heartbeat over REST too.
        Check(s.Realtime.HeartbeatSeconds is >= 1 and <= 3600, "realtime:heartbeatSeconds", $"must be between 1 and 3600 (was {s.Realtime.HeartbeatSeconds}).");

        // Checked even without an endpoint: the local host serves its own channel with this key when one is set.
        Check(s.Realtime.AccessKey is null || s.Realtime.AccessKey.Length >= 32, "realtime:accessKey", "must be at least 32 characters (HS256), or unset to use the managed identity.");
        Check(s.Realtime.SecondaryAccessKey is null || s.Realtime.SecondaryAccessKey.Length >= 32, "realtime:secondaryAccessKey", "must be at least 32 characters, as Web PubSub's keys are.");
        Check(s.Realtime.SecondaryAccessKey is null || s.Realtime.AccessKey is not null, "realtime:secondaryAccessKey", "is only the second of two keys: set 'realtime:accessKey' too.");
        if (s.Realtime.UpstreamAudience is not null)
        {
            Check(Uri.TryCreate(s.Realtime.UpstreamAuthority, UriKind.Absolute, out var upstreamAuthority) && (upstreamAuthority.Scheme == Uri.UriSchemeHttps || (upstreamAuthority.Scheme == Uri.UriSchemeHttp && (upstreamAuthority.IsLoopback || s.IsDevelopment))),
                "realtime:upstreamAuthority", "must be the Entra authority that issues Web PubSub's tokens, an absolute https URL (e.g. https://login.microsoftonline.com/<tenant id>), when 'realtime:upstreamAudience' is set.");
            Check(s.Realtime.UpstreamCallers.Count > 0, "realtime:upstreamCallerIds",
                "must name the Web PubSub resource's managed identity (its principal id) when 'realtime:upstreamAudience' is set: anyone in the tenant may be able to get a token for that audience.");
        }

        if (s.Security.EncryptionEnabled)
        {
            errors.AddRange(Security.Encryption.SecretProtectorFactory.Validate(s.Security.EncryptionKeys));
        }

        Check(s.Security.RateLimit.PermitsPerMinute is >= 0 and <= 1_000_000, "security:rateLimit:permitsPerMinute", "must be between 0 (off) and 1000000.");
        Check(s.Security.RateLimit.Burst is >= 1 and <= 100_000, "security:rateLimit:burst", "must be between 1 and 100000.");
        Check(s.Security.AgentSessionMinutes is >= 1 and <= 1_440, "security:agentSessionMinutes", "must be between 1 and 1440.");
        foreach (var (role, permissions) in s.Security.Roles)
        {
            foreach (var unknown in permissions.Where(p => !Security.Permissions.All.Contains(p)))
            {
                errors.Add($"'security:roles:{role}' grants '{unknown}', which is not a permission; permissions: {string.Join(", ", Security.Permissions.All)}.");
            }
        }

        Check(s.Security.Jwt.ClockSkewSeconds is >= 0 and <= 300, "security:jwt:clockSkewSeconds", "must be between 0 and 300.");
        Check(s.Security.AuthenticationRequired || s.IsDevelopment, "security:authenticationRequired", "may be false only in development.");
        Check(s.Security.AuditEnabled || s.IsDevelopment, "security:auditEnabled", "may be false only in development.");
        Check(
            s.Learning.Algorithm is not null && LearningPolicy.Names.ContainsKey(s.Learning.Algorithm),
            "learning:algorithm",
            $"is '{s.Learning.Algorithm}'; use one of {string.Join(", ", LearningPolicy.Names.Keys)} ('{LearningSettings.HybridAlgorithm}', the spec's default, when the key is left out).");
        Check(s.Learning.LearningRate is > 0 and <= 1, "learning:learningRate", "must be in (0, 1].");
        Check(s.Learning.ExplorationRate is >= 0 and <= 1, "learning:explorationRate", "must be in [0, 1].");
        errors.AddRange(PatternSettingsValidator.Validate(s.Learning.Patterns));
        Check(s.Api.MaxRequestBytes is >= 1024 and <= 16 * 1024 * 1024, "api:maxRequestBytes", "must be between 1 KiB and 16 MiB.");
        Check(s.Api.MaxPromptLength is >= 1 and <= 1_000_000, "api:maxPromptLength", "must be between 1 and 1000000.");
        Check(s.Api.TaskSlotWaitSeconds is >= 1 and <= 86_400, "api:taskSlotWaitSeconds", "must be between 1 and 86400.");
        Check(s.Api.TaskAttempts is >= 1 and <= 10, "api:taskAttempts", "must be between 1 and 10.");
        Check(s.Api.ApprovalWaitSeconds is >= 1 and <= 30 * 86_400, "api:approvalWaitSeconds", "must be between 1 and 2592000 (30 days).");
        foreach (var origin in s.Api.Cors.Origins.Where(o => !IsOrigin(o)))
        {
            Check(false, "api:cors:allowedOrigins", $"'{origin}' is not an origin: give the scheme (http or https), the host and optionally the port, with no path, query or wildcard (e.g. https://ops.example.com).");
        }

        errors.AddRange(ProvidersSettingsValidator.Validate(s.Providers));
        errors.AddRange(ProvidersSettingsValidator.ValidateEmbeddings(s.Learning.Embeddings, s.Providers));
        errors.AddRange(Swarm.Mcp.Configuration.McpSettingsValidator.Validate(s.Mcp));
        var defaultProvider = s.Providers.For(s.DefaultAgent.Provider);
        var providerProblem = defaultProvider is null ? "is not a provider type." : Swarm.Providers.Vendors.ProviderReadiness.ProblemOf(s.DefaultAgent.Provider, defaultProvider);
        Check(providerProblem is null, "defaultAgent:provider", $"'{s.DefaultAgent.Provider}' cannot be called: {providerProblem}");
        Check(Enum.TryParse<AgentType>(s.DefaultAgent.Type, ignoreCase: true, out _), "defaultAgent:type", "must be queen, worker or specialist.");
        Check(s.DefaultAgent.MaxConcurrency is >= 1 and <= 1_000, "defaultAgent:maxConcurrency", "must be between 1 and 1000.");
        Check(!string.IsNullOrWhiteSpace(s.DefaultAgent.Id) && !s.DefaultAgent.Id.Contains('@', StringComparison.Ordinal), "defaultAgent:id", "must be non-empty and must not contain '@'.");
        Check(s.Durable.PartitionCount is >= 1 and <= 16, "durable:partitionCount", "must be between 1 and 16.");
        Check(s.Durable.MaxQueuePollingIntervalMs is >= 100 and <= 30_000, "durable:maxQueuePollingIntervalMs", "must be between 100 and 30000.");
        // Durable Task checks a running activity's message for renewal every 5 s: under 15 s a busy worker renews it too late,
        // another worker runs the same activity at once, and the runtime's redeliveries can stall a task for minutes.
        Check(s.Durable.MessageVisibilityTimeoutSeconds is >= 15 and <= 600, "durable:messageVisibilityTimeoutSeconds", "must be between 15 and 600 (below 15 s a busy worker renews a running activity's message too late and another runs it too).");
        Check(s.Durable.LeaseIntervalSeconds is >= 5 and <= 60, "durable:leaseIntervalSeconds", "must be between 5 and 60.");
        Check(s.Durable.WorkflowVersion is null || Version.TryParse(s.Durable.WorkflowVersion, out _), "durable:workflowVersion", "must be a version such as 1.0 (numbers separated by dots).");
        Check(s.Durable.ControlQueueBatchSize is null or (>= 1 and <= 32), "durable:controlQueueBatchSize", "must be between 1 and 32.");
        Check(s.Durable.MaxConcurrentOrchestrations is null or (>= 1 and <= 1_000), "durable:maxConcurrentOrchestrations", "must be between 1 and 1000.");
        Check(s.Durable.MaxConcurrentActivities is null or (>= 1 and <= 1_000), "durable:maxConcurrentActivities", "must be between 1 and 1000.");
        Check(s.Durable.MaxConcurrentEntities is null or (>= 1 and <= 1_000), "durable:maxConcurrentEntities", "must be between 1 and 1000.");
        Check(s.Durable.MaxEntityOperationBatchSize is null or (>= 1 and <= 5_000), "durable:maxEntityOperationBatchSize", "must be between 1 and 5000.");
        Check(s.Dispatch.Shards is >= 1 and <= Swarm.Domain.Distribution.ShardPlacement.MaxShards, "dispatch:shards", $"must be between 1 and {Swarm.Domain.Distribution.ShardPlacement.MaxShards} (was {s.Dispatch.Shards}).");
        var scaling = s.Autoscaling;
        Check(scaling.CooldownSeconds is >= 1 and <= 86_400, "autoscaling:cooldownSeconds", "must be between 1 and 86400.");
        Check(scaling.ScaleDownUtilization is >= 0 and <= 1, "autoscaling:scaleDownUtilization", "must be between 0 and 1.");
        Check(scaling.MaxStep is >= 1 and <= 100, "autoscaling:maxStep", "must be between 1 and 100.");
        // system:maxAgents still bounds the swarm as a whole, through the roster, whatever a pool's maximum says.
        Check(scaling.DefaultMin >= 1 && scaling.DefaultMin <= scaling.DefaultMax, "autoscaling:defaultMin", "and defaultMax must satisfy 1 <= defaultMin <= defaultMax.");
        foreach (var pool in scaling.Pools.Keys)
        {
            var limits = scaling.LimitsFor(pool);
            Check(limits.Min >= 1 && limits.Min <= limits.Max, $"autoscaling:pools:{pool}", "must satisfy 1 <= min <= max.");
        }

        Check(s.SelfHealing.UnhealthyProbationSeconds is >= 1 and <= 86_400, "selfHealing:unhealthyProbationSeconds", "must be between 1 and 86400.");
        Check(s.SelfHealing.GraceSeconds is >= 1 and <= 86_400, "selfHealing:graceSeconds", "must be between 1 and 86400.");
        Check(s.SelfHealing.StalledTaskSeconds is >= 1 and <= 7 * 86_400, "selfHealing:stalledTaskSeconds", "must be between 1 and 604800.");
        return errors;
    }

    /// <summary>An origin as a browser sends it: http or https, a host, optionally a port, nothing else.</summary>
    static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && !origin.Contains('*', StringComparison.Ordinal)
        && string.Equals(origin, uri.GetLeftPart(UriPartial.Authority).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
