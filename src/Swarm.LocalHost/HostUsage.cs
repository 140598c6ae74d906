namespace Swarm.LocalHost;

/// <summary>What <c>--help</c> prints, and the exit codes the host documents (README "Configuration").</summary>
static class HostUsage
{
    public const int ExitStopped = 0;

    /// <summary>A setting or an argument is not valid; the host names it.</summary>
    public const int ExitInvalidConfiguration = 2;

    /// <summary>The REST port is taken by another process.</summary>
    public const int ExitPortInUse = 3;

    public static bool AsksForHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?" or "/?");

    public const string Text = """
        Swarm local host: the swarm's REST API on 127.0.0.1, with Durable Task on Azure Storage (Azurite locally).

        Usage:
          dotnet Swarm.LocalHost.dll [--<section>:<key>=<value> ...]   start the host (./run.sh does this)
          dotnet Swarm.LocalHost.dll mint-token [options]              print a bearer token; see mint-token --help
          dotnet Swarm.LocalHost.dll openapi [path]                    write (or print) the API's OpenAPI document
          dotnet Swarm.LocalHost.dll --help                            print this text

        Settings come from config.json (or the file SWARM_CONFIG names), then environment variables
        (localHost__httpPort=5181), then arguments (--localHost:httpPort=5181); README.md "Configuration" lists them.

        Exit codes: 0 stopped normally; 2 a setting or argument is not valid; 3 the REST port is in use.
        """;
}
