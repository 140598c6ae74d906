using System.Diagnostics;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.Runtime.Tests;

/// <summary>Tokens minted by jsonwebtoken (Node), an implementation independent of the .NET libraries under test.</summary>
static class NodeJwt
{
    public sealed record Minted(string Token, JsonElement? Jwk);

    public static async Task<Minted> MintAsync(object request)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "tests", "tools", "mint-jwt.mjs"), JsonSerializer.Serialize(request) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "mint-jwt.mjs failed (is node_modules installed? run npm ci): " + errors);
        var result = JsonDocument.Parse(output).RootElement;
        return new Minted(result.GetProperty("token").GetString()!, result.TryGetProperty("jwk", out var jwk) ? jwk.Clone() : null);
    }

    public static long UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
