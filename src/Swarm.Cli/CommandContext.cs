using System.CommandLine;
using Swarm.Cli.Api;
using Swarm.Cli.Profiles;

namespace Swarm.Cli;

/// <summary>One invocation's view of its options, environment and swarm: what every command's action starts from.</summary>
sealed class CommandContext(ParseResult parse, CliEnvironment environment)
{
    public ParseResult Parse { get; } = parse;

    public CliEnvironment Environment { get; } = environment;

    public bool Json => Parse.GetValue(GlobalOptions.Json);

    public string? ProfileName => Parse.GetValue(GlobalOptions.Profile) ?? Environment.Variable("SWARM_PROFILE");

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>
    /// Where to send requests and with what: <c>--url</c> or <c>SWARM_URL</c> over the profile's URL; <c>SWARM_TOKEN</c>
    /// or <c>SWARM_API_KEY</c> over the profile's credential (so a script or CI need not log in).
    /// </summary>
    public Connection Connection()
    {
        var file = Environment.Profiles.Read();
        var name = ProfileName ?? file.Current ?? "default";
        file.Profiles.TryGetValue(name, out var profile);
        if (profile is null && ProfileName is not null)
        {
            throw new CliFailure(ExitCodes.Usage, $"error: no profile '{name}' in {Environment.Profiles.Path}; `swarm login --profile {name}` makes it.");
        }

        var url = Parse.GetValue(GlobalOptions.Url) ?? Environment.Variable("SWARM_URL") ?? profile?.Url ?? Profiles.Connection.DefaultUrl;
        var token = Blank(Environment.Variable("SWARM_TOKEN"));
        var apiKey = Blank(Environment.Variable("SWARM_API_KEY"));
        if (token is null && apiKey is null)
        {
            token = profile?.Token;
            apiKey = profile?.ApiKey;
        }

        return new Connection(Profiles.Connection.ParseUrl(url), token, apiKey, Blank(Environment.Variable("SWARM_FUNCTIONS_KEY")) ?? profile?.FunctionsKey, name);
    }

    public SwarmApi Api() => new(Connection());

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
