using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Swarm.LocalHost.Tests;

/// <summary>The host's executable as a command: asking for help, and starting on a port that is taken.</summary>
public sealed class HostCommandLineTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_usage_and_exits_0_without_starting_a_host(string flag)
    {
        var (exitCode, output) = await LocalHostProcess.RunCommandAsync([flag], Patience);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("mint-token", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Swarm API listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mint_token_help_prints_usage_and_no_token()
    {
        var (exitCode, output) = await LocalHostProcess.RunCommandAsync(["mint-token", "--help"], Patience);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--role", output, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_is_named_with_the_setting_that_changes_it_and_exits_3()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, output) = await LocalHostProcess.RunCommandAsync([], Patience, ("localHost__httpPort", port));

        Assert.Equal(3, exitCode);
        Assert.Contains($"127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains("localHost__httpPort", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
