using System.Collections.Frozen;
using System.Reflection;

namespace Swarm.Api.Dashboard;

/// <summary>
/// The live dashboard's static files (HTML, CSS and JavaScript modules in <c>Dashboard/wwwroot</c>, embedded in this
/// assembly), served by both hosts under <c>/dashboard/</c>. They carry no data, so they are served without a
/// credential (like <c>/health</c>); every datum the page shows comes from the API with the token its user signs in
/// with, through the same dispatcher, permissions and audit trail as any other client.
/// </summary>
public static class DashboardFiles
{
    /// <summary>The Functions app's HTTP function that serves these files (it is not an API route: no permission, no audit).</summary>
    public const string FunctionName = "Dashboard";

    /// <summary>The path the page lives under; a request for it without the trailing slash is redirected, so relative module URLs resolve.</summary>
    public const string BasePath = "/dashboard/";

    const string ResourcePrefix = "dashboard/";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The page may load only its own files and talk only to its own origin and to WebSocket endpoints (the real-time
    /// channel's URL comes from negotiate: the local host itself, or Web PubSub in Azure). Inline scripts are refused, so
    /// text the API returns (a prompt, an answer) can never run as code even if a renderer forgot to escape it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The names of the embedded files, relative to <see cref="BasePath"/> (for tests and the docs).</summary>
    public static IReadOnlyCollection<string> Names => Files.Keys;

    /// <summary>
    /// The answer to <c>GET</c> <paramref name="path"/> (the request's whole path, starting with <c>/dashboard</c>): the file
    /// with its type and security headers, a redirect from <c>/dashboard</c> to <c>/dashboard/</c>, or a 404 problem.
    /// </summary>
    public static ApiResponse Answer(string path, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Equals(BasePath.TrimEnd('/'), StringComparison.Ordinal))
        {
            return new ApiResponse(308, null).WithHeader("Location", BasePath);
        }

        var name = path.StartsWith(BasePath, StringComparison.Ordinal) ? path[BasePath.Length..] : null;
        if (name is "")
        {
            name = "index.html";
        }

        if (name is null || !Files.TryGetValue(name, out var content) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return ApiResponse.Problem(Problems.RouteNotFound("GET", path) with { Instance = path, CorrelationId = correlationId })
                .WithHeader(CorrelationIds.Header, correlationId);
        }

        return new ApiResponse(200, content, type)
        {
            Headers = new Dictionary<string, string>
            {
                ["Content-Security-Policy"] = ContentSecurityPolicy,
                ["X-Content-Type-Options"] = "nosniff",
                ["Referrer-Policy"] = "no-referrer",

                // The files change with each build; revalidating costs little and a stale module next to a new one breaks the page.
                ["Cache-Control"] = "no-cache",
            },
        };
    }

    static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
