using ModelContextProtocol.Client;
using Swarm.Mcp.Configuration;

namespace Swarm.Mcp;

/// <summary>How the SDK reaches one configured server: a child process over stdio, or Streamable HTTP.</summary>
static class McpServerTransport
{
    public static IClientTransport Create(string server, McpServerSettings settings, Action<string> standardErrorLine)
    {
        if (settings.IsStdio)
        {
            // The swarm's environment holds its own secrets (model keys, storage connection strings, the token secret),
            // so a server process gets only the basics a program needs to run, plus what its settings give it.
            var environment = StdioClientTransportOptions.GetDefaultEnvironmentVariables();
            foreach (var (variable, value) in settings.Env)
            {
                environment[variable] = value;
            }

            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = server,
                Command = settings.Command!,
                Arguments = settings.Args,
                WorkingDirectory = string.IsNullOrWhiteSpace(settings.WorkingDirectory) ? null : settings.WorkingDirectory,
                InheritEnvironmentVariables = false,
                EnvironmentVariables = environment,
                StandardErrorLines = standardErrorLine,
            });
        }

        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = server,
            Endpoint = new Uri(settings.Url!),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string>(settings.Headers, StringComparer.OrdinalIgnoreCase),
        });
    }
}
