using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;
using Swarm.Cli.Profiles;
using Profile = Swarm.Cli.Profiles.Profile;

namespace Swarm.Cli.Commands;

/// <summary>
/// <c>swarm login|logout|profiles</c>: credentials per profile in the profiles file. A secret is never taken as a
/// command-line argument (it would sit in the shell's history and in the process list) and never printed: it comes
/// from standard input, a hidden prompt, or is minted here from the local host's development secret.
/// </summary>
static class LoginCommands
{
    public static IEnumerable<Command> Build(CliEnvironment environment) => [Login(environment), Logout(environment), Profiles(environment)];

    static Command Login(CliEnvironment environment)
    {
        var stdin = new Option<bool>("--stdin") { Description = "Read the token (or, with --api-key, the key) from standard input's first line." };
        var apiKey = new Option<bool>("--api-key") { Description = "The secret is an agent's API key (sent as X-Api-Key), not a bearer token." };
        var local = new Option<bool>("--local") { Description = "Mint a token with the local host's development secret ($JWT_SECRET, else --secret-file)." };
        var secretFile = new Option<string>("--secret-file") { Description = "Where --local finds the secret.", DefaultValueFactory = _ => Path.Combine(".run", "jwt-secret") };
        var role = new Option<string>("--role") { Description = "The minted token's role (--local): admin, operator, viewer, ...", DefaultValueFactory = _ => "admin" };
        var hours = new Option<double>("--hours") { Description = "The minted token's lifetime (--local).", DefaultValueFactory = _ => 8 };
        var noVerify = new Option<bool>("--no-verify") { Description = "Store the credential without asking the swarm whether it accepts it." };
        var command = new Command("login", "Store a credential for a swarm under a profile (default 'default'), and make it the current profile. $SWARM_FUNCTIONS_KEY, if set, is stored as the Azure Functions key.")
        {
            stdin, apiKey, local, secretFile, role, hours, noVerify,
        };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var name = context.ProfileName ?? "default";
            var store = context.Environment.Profiles;
            var file = store.Read();
            file.Profiles.TryGetValue(name, out var existing);
            var url = Connection.ParseUrl(context.Value(GlobalOptions.Url) ?? context.Environment.Variable("SWARM_URL") ?? existing?.Url ?? Connection.DefaultUrl);

            string secret;
            if (context.Value(local))
            {
                secret = DevelopmentToken.Mint(LocalSecret(context, context.Value(secretFile)!), $"cli-{context.Value(role)}", context.Value(role)!, TimeSpan.FromHours(context.Value(hours)), DateTimeOffset.UtcNow);
            }
            else
            {
                secret = ReadSecret(context, context.Value(stdin), context.Value(apiKey) ? "API key" : "token");
            }

            var isKey = context.Value(apiKey) && !context.Value(local);
            var (subject, expiresAt) = isKey ? (null, null) : DevelopmentToken.Describe(secret);
            var profile = new Profile
            {
                Url = url.ToString().TrimEnd('/'),
                Token = isKey ? null : secret,
                ApiKey = isKey ? secret : null,
                FunctionsKey = context.Environment.Variable("SWARM_FUNCTIONS_KEY") ?? existing?.FunctionsKey,
                Subject = subject,
                ExpiresAt = expiresAt,
            };

            if (!context.Value(noVerify))
            {
                await VerifyAsync(context, profile, name, cancellationToken);
            }

            file.Profiles[name] = profile;
            store.Write(file with { Current = name });
            Printer.Say(context, $"Logged in to {profile.Url} as {subject ?? (isKey ? "an agent (API key)" : "the token's caller")}; profile '{name}' saved in {store.Path}.");
            if (context.Json)
            {
                await context.Environment.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(Describe(name, profile, current: true), WireJson.Options));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// One request with the new credential (a page of one task: every caller but the anonymous may ask). A refused
    /// credential (401) is not stored; one without that permission (403) is, with a warning, since it may be meant
    /// for other routes.
    /// </summary>
    static async Task VerifyAsync(CommandContext context, Profile profile, string name, CancellationToken cancellationToken)
    {
        using var api = new SwarmApi(new Connection(Connection.ParseUrl(profile.Url), profile.Token, profile.ApiKey, profile.FunctionsKey, name));
        try
        {
            await api.GetAsync("api/v1/tasks?pageSize=1", cancellationToken);
        }
        catch (ApiProblemException e) when (e.Problem.Status == 403)
        {
            await context.Environment.Error.WriteLineAsync($"warning: the swarm accepts the credential but it may not read tasks: {e.Problem.Detail}");
        }
    }

    static string LocalSecret(CommandContext context, string file)
    {
        if (context.Environment.Variable("JWT_SECRET") is { Length: > 0 } secret)
        {
            return secret;
        }

        if (!File.Exists(file))
        {
            throw new CliFailure(ExitCodes.Usage, $"error: --local needs the development secret: set JWT_SECRET, or run from the repository after ./run.sh made {file} (or give --secret-file).");
        }

        return File.ReadAllText(file).Trim();
    }

    static string ReadSecret(CommandContext context, bool fromStdin, string what)
    {
        string? secret;
        if (fromStdin)
        {
            secret = context.Environment.Input.ReadLine();
        }
        else if (context.Environment.InputIsInteractive && context.Environment.Terminal.Profile.Capabilities.Interactive)
        {
            secret = context.Environment.Terminal.Prompt(new TextPrompt<string>($"{what}:").Secret());
        }
        else
        {
            throw new CliFailure(ExitCodes.Usage, $"error: give the {what} on standard input with --stdin (e.g. `printenv SWARM_TOKEN | swarm login --stdin`), or use --local.");
        }

        return string.IsNullOrWhiteSpace(secret) ? throw new CliFailure(ExitCodes.Usage, $"error: the {what} is empty.") : secret.Trim();
    }

    static Command Logout(CliEnvironment environment)
    {
        var command = new Command("logout", "Forget a profile and its credential (the current one, or --profile).");
        SwarmCli.Handle(command, environment, (context, _) =>
        {
            var store = context.Environment.Profiles;
            var file = store.Read();
            var name = context.ProfileName ?? file.Current ?? "default";
            if (!file.Profiles.Remove(name))
            {
                throw new CliFailure(ExitCodes.NotFound, $"error: no profile '{name}' in {store.Path}.");
            }

            store.Write(file with { Current = file.Current == name ? null : file.Current });
            Printer.Say(context, $"Logged out: profile '{name}' removed.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    static Command Profiles(CliEnvironment environment)
    {
        var command = new Command("profiles", "The stored profiles: URL, kind of credential, who and until when (never the secret).");
        SwarmCli.Handle(command, environment, async (context, _) =>
        {
            var file = context.Environment.Profiles.Read();
            var rows = file.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value, p.Key == file.Current)).ToList();
            if (context.Json)
            {
                await context.Environment.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(rows, WireJson.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("", "profile", "url", "credential", "as", "expires");
            foreach (var row in rows)
            {
                table.AddRow(new Text(row.Current ? "*" : ""), new Text(row.Name), new Text(row.Url), new Text(row.Credential), new Text(row.Subject ?? ""),
                    new Text(row.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? ""));
            }

            context.Environment.Terminal.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    static ProfileSummary Describe(string name, Profile profile, bool current) =>
        new(name, profile.Url, profile.CredentialKind, profile.Subject, profile.ExpiresAt, profile.FunctionsKey is not null, current);
}

/// <summary>A profile as <c>swarm profiles</c> shows it: everything but the secrets.</summary>
sealed record ProfileSummary(string Name, string Url, string Credential, string? Subject, DateTimeOffset? ExpiresAt, bool FunctionsKey, bool Current);
