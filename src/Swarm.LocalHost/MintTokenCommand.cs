using Swarm.Runtime.Configuration;
using Swarm.Runtime.Security;

namespace Swarm.LocalHost;

/// <summary>
/// <c>Swarm.LocalHost mint-token --role admin [--subject dev] [--hours 8]</c>: prints a bearer token signed with
/// the configured secret. <c>./run.sh</c> uses it for the development admin token.
/// </summary>
static class MintTokenCommand
{
    public const string Name = "mint-token";

    public static int Run(string[] args, IConfiguration configuration)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build();
        var role = options["role"] ?? "admin";
        if (!RolePermissions.Defaults.ContainsKey(role))
        {
            Console.Error.WriteLine($"Unknown role '{role}'; roles: {string.Join(", ", RolePermissions.Defaults.Keys)}.");
            return 2;
        }

        var settings = SwarmSettingsLoader.Load(configuration);
        var hours = options.GetValue("hours", 8.0);
        Console.WriteLine(TokenIssuer.Mint(settings.Security.Jwt, options["subject"] ?? $"dev-{role}", [role], TimeSpan.FromHours(hours), TimeProvider.System));
        return 0;
    }
}
