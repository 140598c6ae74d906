using System.Reflection;

namespace Swarm.LocalHost.Reference;

/// <summary>
/// The API reference page at <c>/reference</c>: static HTML, CSS and a small script of our own (embedded in this
/// assembly; nothing is fetched from elsewhere). It holds no data, so it is served without a credential; the script
/// asks for a token and fetches <c>GET /api/v1/openapi.json</c> with it, which needs one.
/// </summary>
static class ApiReferencePage
{
    public const string Path = "/reference";

    /// <summary>Every path the page is served at, with its file and media type.</summary>
    public static IReadOnlyList<(string Path, string Resource, string ContentType)> Files { get; } =
    [
        (Path, "api-reference.html", "text/html; charset=utf-8"),
        (Path + "/api-reference.js", "api-reference.js", "text/javascript; charset=utf-8"),
        (Path + "/api-reference.css", "api-reference.css", "text/css; charset=utf-8"),
    ];

    // Only this host's own files and its API: the page cannot load or send anything anywhere else.
    const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var content = Read(resource);
            endpoints.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(content, contentType);
            }).WithName("ApiReference:" + resource);
        }
    }

    static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Swarm.LocalHost.Reference." + resource)
            ?? throw new InvalidOperationException($"The API reference page's {resource} is not embedded in the local host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
