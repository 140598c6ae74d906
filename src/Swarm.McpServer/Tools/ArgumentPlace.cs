namespace Swarm.McpServer.Tools;

/// <summary>Where a tool's argument goes in the REST request the tool call becomes.</summary>
public enum ArgumentPlace
{
    /// <summary>A route value, e.g. the task id in <c>api/v1/tasks/{id}</c>.</summary>
    Route,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A field of the JSON body.</summary>
    Body,

    /// <summary>A request header (the <c>Idempotency-Key</c> of a submission).</summary>
    Header,
}
