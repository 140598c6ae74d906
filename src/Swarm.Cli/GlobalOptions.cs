using System.CommandLine;

namespace Swarm.Cli;

/// <summary>The options every command takes.</summary>
static class GlobalOptions
{
    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The profile to use (default: $SWARM_PROFILE, else the one last logged in to).",
        Recursive = true,
    };

    public static readonly Option<string?> Url = new("--url")
    {
        Description = "The swarm's base URL, e.g. http://127.0.0.1:5180 or https://<app>.azurewebsites.net (default: $SWARM_URL, else the profile's).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the API's JSON answer as it came (one document; an event per line for watch), for scripts.",
        Recursive = true,
    };
}
