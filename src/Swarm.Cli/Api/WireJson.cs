using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Cli.Api;

/// <summary>How request bodies are written: camelCase and no null fields, as the API reads them (it refuses unknown fields, not missing ones).</summary>
static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
