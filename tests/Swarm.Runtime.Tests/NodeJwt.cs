using System.Diagnostics;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.Runtime.Tests;

/// <summary>Tokens minted by jsonwebtoken (Node), an implementation independent of the .NET libraries under test.</summary>
static class NodeJwt
{
    // Minting takes well under a second; a Node process that has not ended by then is stuck, and the test says so.
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public sealed record Minted(string Token, JsonElement? Jwk);

    public static async Task<Minted> MintAsync(object request)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "tests", "tools", "mint-jwt.mjs"), JsonSerializer.Serialize(request) },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var node = Process.Start(start)!;
        node.StandardInput.Close();

        // Both pipes are drained at once, so neither can fill up while the other is read.
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"mint-jwt.mjs did not finish within {Deadline.TotalSeconds:0} s.");
        }

        Assert.True(node.ExitCode == 0, "mint-jwt.mjs failed (is node_modules installed? run npm ci): " + await errors);
        var result = JsonDocument.Parse(await output).RootElement;
        return new Minted(result.GetProperty("token").GetString()!, result.TryGetProperty("jwk", out var jwk) ? jwk.Clone() : null);
    }

    public static long UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
