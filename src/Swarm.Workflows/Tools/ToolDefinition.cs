using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>
/// A tool a model may be offered: its name, what it does, and the JSON schema of its arguments. Plain data, so it can
/// travel through orchestration history; the model-call activity turns it into the vendor's tool declaration.
/// </summary>
/// <param name="Name">The name the model calls it by; <see cref="ToolNames.IsToolName"/> holds for it.</param>
/// <param name="InputSchema">A JSON schema object (<c>{"type":"object","properties":…}</c>).</param>
public sealed record ToolDefinition(string Name, string Description, JsonElement InputSchema);
