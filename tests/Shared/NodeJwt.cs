using System.Text.Json;

namespace Swarm.Tests;

/// <summary>Tokens minted by jsonwebtoken (Node), an implementation independent of the .NET libraries under test.</summary>
static class NodeJwt
{
    public sealed record Minted(string Token, JsonElement? Jwk);

    public static async Task<Minted> MintAsync(object request)
    {
        var result = JsonDocument.Parse(await NodeScript.RunAsync("mint-jwt.mjs", JsonSerializer.Serialize(request))).RootElement;
        return new Minted(result.GetProperty("token").GetString()!, result.TryGetProperty("jwk", out var jwk) ? jwk.Clone() : null);
    }

    public static long UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
