using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.LocalHost;

/// <summary>
/// <c>Swarm.LocalHost mint-token --role admin [--subject dev] [--hours 8]</c>: prints a bearer token signed with
/// the configured secret. <c>./run.sh</c> uses it for the development admin token.
/// </summary>
static class MintTokenCommand
{
    public const string Name = "mint-token";

    const string Usage = """
        Usage: dotnet Swarm.LocalHost.dll mint-token [--role admin] [--subject dev-<role>] [--hours 8]

        Prints a bearer token for a person or service, signed with the configured secret (security:jwt:secret or
        JWT_SECRET). --role is one of the configured roles except agent (agents use API keys); --subject names the
        caller; --hours is its lifetime.
        """;

    public static int Run(string[] args, IConfiguration configuration)
    {
        if (HostUsage.AsksForHelp(args))
        {
            Console.WriteLine(Usage);
            return HostUsage.ExitStopped;
        }

        var options = new ConfigurationBuilder().AddCommandLine(args).Build();
        var role = options["role"] ?? "admin";
        var settings = SwarmSettingsLoader.Load(configuration);
        var roles = new RoleGrants(settings).Roles.Where(r => r != AgentSessionClaims.AgentRole).ToList();
        if (!roles.Contains(role))
        {
            Console.Error.WriteLine(role == AgentSessionClaims.AgentRole
                ? "Agents authenticate with API keys (POST /api/v1/agents/{id}/keys), not minted tokens."
                : $"Unknown role '{role}'; roles: {string.Join(", ", roles)}.");
            return HostUsage.ExitInvalidConfiguration;
        }

        var hours = options.GetValue("hours", 8.0);
        Console.WriteLine(TokenIssuer.Mint(settings.Security.Jwt, options["subject"] ?? $"dev-{role}", [role], TimeSpan.FromHours(hours), TimeProvider.System));
        return 0;
    }
}
