using Swarm.Domain.Agents;
using Swarm.Domain.Learning;
using Swarm.Providers.Configuration;

namespace Swarm.Application.Configuration;

/// <summary>
/// All of the swarm's settings. The first four sections are the spec's <c>config.json</c>; the rest are
/// this implementation's. Bound from <c>config.json</c>, then environment variables (<c>system__maxAgents</c>),
/// then, in Azure, app settings. <see cref="SwarmSettingsLoader"/> binds and validates them.
/// </summary>
public sealed class SwarmSettings
{
    public SystemSettings System { get; set; } = new();

    public DatabaseSettings Database { get; set; } = new();

    public SecuritySettings Security { get; set; } = new();

    public LearningSettings Learning { get; set; } = new();

    public ApiSettings Api { get; set; } = new();

    public ProvidersSettings Providers { get; set; } = new();

    public DefaultAgentSettings DefaultAgent { get; set; } = new();

    public DurableSettings Durable { get; set; } = new();

    public SelfHealingSettings SelfHealing { get; set; } = new();

    public AutoscalingSettings Autoscaling { get; set; } = new();

    public RealtimeSettings Realtime { get; set; } = new();

    /// <summary>How the dispatch board is split (<c>dispatch:shards</c>).</summary>
    public DispatchSettings Dispatch { get; set; } = new();

    /// <summary>The MCP servers whose tools agents may use (<c>mcp:servers:{name}</c>) and the limits on their calls.</summary>
    public Swarm.Mcp.Configuration.McpSettings Mcp { get; set; } = new();

    public bool IsDevelopment => string.Equals(System.Environment, "development", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The spec's <c>system</c> section.</summary>
public sealed class SystemSettings
{
    public string Name { get; set; } = "Swarm";

    public string Version { get; set; } = "1.0.0";

    /// <summary><c>development</c> or <c>production</c>; production refuses unsafe settings.</summary>
    public string Environment { get; set; } = "production";

    /// <summary>The hosts' minimum log level (see <see cref="LogLevels"/>); .NET's <c>Logging:LogLevel</c> rules still refine it per category.</summary>
    public string LogLevel { get; set; } = "info";

    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel =>
        LogLevels.TryParse(LogLevel, out var level) ? level : Microsoft.Extensions.Logging.LogLevel.Information;

    public int MaxAgents { get; set; } = 50;

    public bool AutoScaling { get; set; } = true;
}

/// <summary>The spec's <c>database</c> section. State lives in Azure Storage (Tables, Queues, Blobs).</summary>
public sealed class DatabaseSettings
{
    public const string AzureStorage = "azureStorage";

    public string Type { get; set; } = AzureStorage;

    /// <summary>A storage connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite. Used when <see cref="AccountName"/> is not set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>A storage account reached with a managed identity (Azure.Identity's DefaultAzureCredential), as in Azure. Wins over <see cref="ConnectionString"/>.</summary>
    public string? AccountName { get; set; }

    /// <summary>Starts the name of every table the swarm keeps (e.g. <c>SwarmApiKeys</c>), so several swarms can share an account.</summary>
    public string TablePrefix { get; set; } = "Swarm";

    public string TableName(string suffix) => TablePrefix + suffix;
}

/// <summary>The spec's <c>security</c> section plus how bearer tokens are checked.</summary>
public sealed class SecuritySettings
{
    /// <summary>The secret shipped in the sample settings files; accepted only in development.</summary>
    public const string SampleJwtSecret = "sample-secret-for-local-development-only-change-me";

    public bool AuthenticationRequired { get; set; } = true;

    public bool EncryptionEnabled { get; set; }

    /// <summary>AES-256-GCM keys as <c>id:base64key;...</c> (the first seals new values); required when <see cref="EncryptionEnabled"/>. Make one with <c>openssl rand -base64 32</c>.</summary>
    public string? EncryptionKeys { get; set; }

    public bool AuditEnabled { get; set; } = true;

    public JwtSettings Jwt { get; set; } = new();

    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>How long a session token minted from an agent's API key lives.</summary>
    public int AgentSessionMinutes { get; set; } = 15;

    /// <summary>Roles redefined or added: role name to its permissions. Unlisted roles keep their defaults.</summary>
    public Dictionary<string, string[]> Roles { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Bearer-token validation. Tokens from <see cref="Issuer"/> (this swarm: development tokens and agent sessions) are
/// HS256 with <see cref="Secret"/>. When <see cref="Authority"/> is set, tokens from that OpenID Connect provider
/// (e.g. Entra ID) are accepted too, checked against the signing keys in its published metadata.
/// </summary>
public sealed class JwtSettings
{
    /// <summary>The HS256 key, at least 32 characters. Also read from the <c>JWT_SECRET</c> environment variable.</summary>
    public string? Secret { get; set; }

    public string Issuer { get; set; } = "swarm";

    public string Audience { get; set; } = "swarm-api";

    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>An OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; its metadata is read from <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens from <see cref="Authority"/> must carry (the API's app id URI or client id).</summary>
    public string? AuthorityAudience { get; set; }

    /// <summary>Signing algorithms accepted from <see cref="Authority"/>; RS256 when none are listed. (Empty by default because the binder appends to a default list instead of replacing it.)</summary>
    public string[] AuthorityAlgorithms { get; set; } = [];

    /// <summary>Refuse plain-http metadata; may be false only in development (a local test authority).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>
/// The spec's <c>learning</c> section: how the dispatch board learns each agent's skill and routes by it
/// (docs/design/learning.md §2). <see cref="Schedules.LearningJob"/> tells the board (<see cref="Policy"/>).
/// </summary>
public sealed class LearningSettings
{
    /// <summary>False: routing ignores skill (load, type and priority only) and the board ignores signals.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One of <see cref="LearningPolicy.Names"/>: greedy, epsilon-greedy, thompson, hybrid (the spec's default), ucb.</summary>
    public string Algorithm { get; set; } = HybridAlgorithm;

    public const string HybridAlgorithm = "hybrid";

    /// <summary>η in (0, 1]: the step size once an agent is known; evidence saturates near 1/η; 1 keeps only the last signal.</summary>
    public double LearningRate { get; set; } = 0.01;

    /// <summary>ε in [0, 1]: how often epsilon-greedy and hybrid send a step to a uniformly chosen agent of the best type.</summary>
    public double ExplorationRate { get; set; } = 0.1;

    /// <summary>Pattern recognition: task fingerprints and similar-task recall (<c>learning:patterns:*</c>).</summary>
    public PatternSettings Patterns { get; set; } = new();

    /// <summary>The embedding model, if any, that represents prompts and memory values by meaning (<c>learning:embeddings</c>).</summary>
    public EmbeddingSettings Embeddings { get; set; } = new();

    /// <summary>The settings as the board holds them (a name the validator refused reads as hybrid).</summary>
    public LearningPolicy Policy => new(
        LearningPolicy.Names.GetValueOrDefault(Algorithm, RoutingAlgorithm.Hybrid), LearningRate, ExplorationRate, Enabled);
}

/// <summary>
/// The dispatch board (<c>dispatch</c>): with <see cref="Shards"/> above 1 it is that many entities, each owning the seats
/// of the agents placed on it (docs/design/dispatch-shards.md), so no one entity is on every step's path.
/// </summary>
public sealed class DispatchSettings
{
    /// <summary>1 to 16; 1 (the default) is the one board <c>dispatcher@swarm</c>. Fixed for tasks when they are submitted.</summary>
    public int Shards { get; set; } = 1;
}

/// <summary>Limits on what the HTTP API accepts.</summary>
public sealed class ApiSettings
{
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    public int MaxPromptLength { get; set; } = 32_000;

    /// <summary>How long one step of a task may wait in line for a fitting agent before the task fails.</summary>
    public int TaskSlotWaitSeconds { get; set; } = 600;

    /// <summary>How many agents a step tries (each failure excludes that agent) before the task fails with every reason.</summary>
    public int TaskAttempts { get; set; } = 3;

    /// <summary>How long a task that requires approval waits for a person's decision.</summary>
    public int ApprovalWaitSeconds { get; set; } = 86_400;

    /// <summary>Which other web origins' pages may call the API from a browser (none by default).</summary>
    public ApiCorsSettings Cors { get; set; } = new();
}

/// <summary>
/// Cross-origin access for browser clients (<c>api:cors</c>), applied by the local host; in Azure the Functions platform's
/// own CORS setting does this (the Bicep template's <c>corsAllowedOrigins</c>).
/// </summary>
public sealed class ApiCorsSettings
{
    /// <summary>Origins such as <c>https://ops.example.com</c> (scheme, host and port; no path, no wildcard). Empty: none.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The configured origins, blanks dropped, without a trailing slash (browsers send the origin without one).</summary>
    public IReadOnlyList<string> Origins => [.. AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))];
}

/// <summary>The agent the swarm creates on first start (once, however many instances start) and runs tasks on.</summary>
public sealed class DefaultAgentSettings
{
    public string Id { get; set; } = "queen-1";

    public string Name { get; set; } = "Default queen";

    public string Type { get; set; } = "queen";

    public string Provider { get; set; } = "simulated";

    public string Model { get; set; } = "simulated-1";

    public int MaxConcurrency { get; set; } = 32;

    public AgentProfile ToProfile() => new(
        Id, Name, Enum.Parse<AgentType>(Type, ignoreCase: true), new ProviderSettings(Provider, Model), MaxConcurrency,
        new AgentRole("strategic", ["task:*"], [], 10));
}

/// <summary>The durable backend of the local host (Durable Task on Azure Storage). Azure Functions reads host.json instead.</summary>
public sealed class DurableSettings
{
    public string TaskHub { get; set; } = "swarm";

    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between polls of an empty queue; the floor on latency after idle periods.</summary>
    public int MaxQueuePollingIntervalMs { get; set; } = 1000;

    /// <summary>
    /// How long a dequeued message stays hidden; after a crash, the longest wait before another worker retries it. At
    /// least 15: the runtime renews a running activity's message from a check every 5 s.
    /// </summary>
    public int MessageVisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>How long a partition lease lasts; after a crash, the longest wait before another worker takes the partition.</summary>
    public int LeaseIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Keeps an orchestration or entity in memory between its work items, so its next message does not re-read its
    /// history from storage (the backend's extended sessions). Unset: the backend's default (off).
    /// </summary>
    public bool? ExtendedSessions { get; set; }

    /// <summary>Messages one read of a control queue takes, at most (1-32). Unset: the backend's default (32).</summary>
    public int? ControlQueueBatchSize { get; set; }

    /// <summary>Orchestration work items one worker runs at once. Unset: the backend's default (100 per worker).</summary>
    public int? MaxConcurrentOrchestrations { get; set; }

    /// <summary>Activity work items one worker runs at once. Unset: the backend's default (10 per core).</summary>
    public int? MaxConcurrentActivities { get; set; }

    /// <summary>Entity work items one worker runs at once. Unset: the backend's default (100 per worker).</summary>
    public int? MaxConcurrentEntities { get; set; }

    /// <summary>Operations an entity applies in one work item (one history write), at most. Unset: the backend's default.</summary>
    public int? MaxEntityOperationBatchSize { get; set; }

    /// <summary>
    /// The workflow version this host stamps on new orchestrations and the highest its worker runs. Unset: the build's
    /// own (<c>WorkflowVersion.Current</c>). Set it lower only to run as an older deployment would (the upgrade test).
    /// </summary>
    public string? WorkflowVersion { get; set; }
}

/// <summary>
/// The autoscaling pass, which runs when the spec's <c>system.autoScaling</c> is true. It resizes the pools (type and
/// expertise) that have at least one agent with <c>autoScale: true</c>, growing them while steps wait and shrinking idle
/// ones, within per-pool limits and with a cooldown between changes.
/// </summary>
public sealed class AutoscalingSettings
{
    /// <summary>No change to a pool within this long after its last one.</summary>
    public int CooldownSeconds { get; set; } = 300;

    /// <summary>A pool shrinks only while less than this share of its seats is in use and nothing waits for it.</summary>
    public double ScaleDownUtilization { get; set; } = 0.25;

    /// <summary>Agents added to one pool in one pass, at most.</summary>
    public int MaxStep { get; set; } = 5;

    /// <summary>Limits of pools not listed in <see cref="Pools"/>.</summary>
    public int DefaultMin { get; set; } = 1;

    public int DefaultMax { get; set; } = 10;

    /// <summary>Per-pool limits by pool key (<c>worker</c>, <c>specialist.analysis</c>, …).</summary>
    public Dictionary<string, PoolSizeSettings> Pools { get; set; } = new(StringComparer.Ordinal);

    public Domain.Autoscaling.PoolLimits LimitsFor(string pool)
    {
        var sizes = Pools.GetValueOrDefault(pool);
        return new(sizes?.Min ?? DefaultMin, sizes?.Max ?? DefaultMax, TimeSpan.FromSeconds(CooldownSeconds), ScaleDownUtilization, MaxStep);
    }
}

/// <summary>One pool's size limits.</summary>
public sealed class PoolSizeSettings
{
    public int? Min { get; set; }

    public int? Max { get; set; }
}

/// <summary>The self-healing pass.</summary>
public sealed class SelfHealingSettings
{
    /// <summary>A task whose agent turn has shown no progress for this long is ended as failed and its slot freed.</summary>
    public int StalledTaskSeconds { get; set; } = 1800;

    /// <summary>How long an unhealthy agent stays off the dispatch board, counted from its last step, before it gets work again.</summary>
    public int UnhealthyProbationSeconds { get; set; } = 120;

    /// <summary>
    /// How long the pass leaves a task's loose ends alone after the task last changed, because the task's own message may
    /// still be on its way: an open row of the task index (its end write) and a seat a task that ended still holds (its
    /// release, which carries the step's outcome; freed without it, the outcome would go uncounted).
    /// </summary>
    public int GraceSeconds { get; set; } = 60;
}

/// <summary>Per-principal request limits (a token bucket per caller, per process instance).</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sustained requests per minute per principal; 0 turns the limit off.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests a principal may make at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 60;
}

/// <summary>
/// The real-time channel: an Azure Web PubSub hub the swarm pushes events to and clients hold WebSockets on. Active when
/// enabled and an endpoint is set (the local host sets one to the stand-in it serves itself).
/// </summary>
public sealed class RealtimeSettings
{
    /// <summary>False turns the channel off, and with it the local host's stand-in.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Web PubSub endpoint, e.g. <c>https://swarm.webpubsub.azure.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The hub's access key. When set, requests are signed with it (HS256, as the vendor's SDKs do); when not, the
    /// managed identity is used (Azure.Identity), which is how the Bicep deployment runs with access keys disabled.
    /// The event handler also checks the signature Web PubSub puts on its requests (<c>ce-signature</c>) with it.
    /// </summary>
    public string? AccessKey { get; set => field = Unset(value); }

    /// <summary>
    /// The hub's other access key. Web PubSub signs each event-handler request with both of its keys, so the app holding
    /// both keeps trusting the service while either one is regenerated (rotation). Only checks signatures.
    /// </summary>
    public string? SecondaryAccessKey { get; set => field = Unset(value); }

    /// <summary>
    /// The audience of the Entra token Web PubSub sends its event handler when the hub's handler authenticates with the
    /// service's managed identity (the handler's <c>auth.managedIdentity.resource</c>, e.g. <c>api://swarm-events</c>).
    /// Set, every event-handler request must carry such a token; with <see cref="AccessKey"/> also set, it must carry a
    /// valid signature too.
    /// </summary>
    public string? UpstreamAudience { get; set => field = Unset(value); }

    /// <summary>The OpenID Connect authority that issues those tokens, e.g. <c>https://login.microsoftonline.com/{tenant}</c>; keys come from its metadata.</summary>
    public string? UpstreamAuthority { get; set => field = Unset(value); }

    /// <summary>The tokens' issuer when it differs from the one the authority's metadata names (unset: the metadata's).</summary>
    public string? UpstreamIssuer { get; set => field = Unset(value); }

    /// <summary>
    /// The object (principal) ids a token's <c>oid</c> claim may name: the Web PubSub resource's managed identity. Any
    /// principal in the tenant may be able to get a token for the audience, so the audience alone does not say the
    /// caller is our service.
    /// </summary>
    public string[] UpstreamCallerIds { get; set; } = [];

    /// <summary>The caller ids that name something; an app setting left empty is none.</summary>
    public IReadOnlyList<string> UpstreamCallers => [.. UpstreamCallerIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim())];

    public string Hub { get; set; } = "swarm";

    /// <summary>
    /// How long the URL <c>GET /api/v1/realtime/negotiate</c> hands out may be used to connect (an open connection is
    /// not cut when it expires). Short, because the URL is a credential that revoking the key behind it cannot recall:
    /// clients connect at once and negotiate again to reconnect.
    /// </summary>
    public int ClientTokenMinutes { get; set; } = 1;

    /// <summary>
    /// How often an agent is expected to heartbeat (over its socket or <c>POST /api/v1/agents/{id}/heartbeat</c>). Its
    /// heartbeat is overdue after <see cref="Domain.Agents.Presence.MissedHeartbeatsAllowed"/> intervals without one, which is
    /// what the agent's view and the system state show.
    /// </summary>
    public int HeartbeatSeconds { get; set; } = 30;

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatSeconds);

    public bool Active => Enabled && !string.IsNullOrWhiteSpace(Endpoint);

    // An app setting left empty (as the Bicep template leaves those of the mode it does not use) is unset, not a key of
    // no characters.
    static string? Unset(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
