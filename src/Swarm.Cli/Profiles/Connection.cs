using System.Net.Http.Headers;

namespace Swarm.Cli.Profiles;

/// <summary>
/// Where a command sends its requests and with what credential, after the environment (<c>SWARM_URL</c>,
/// <c>SWARM_TOKEN</c>, <c>SWARM_API_KEY</c>, <c>SWARM_FUNCTIONS_KEY</c>), <c>--url</c> and the chosen profile have had their say.
/// </summary>
sealed record Connection(Uri BaseUrl, string? Token, string? ApiKey, string? FunctionsKey, string ProfileName)
{
    public const string DefaultUrl = "http://127.0.0.1:5180";

    /// <summary>The header the swarm reads an agent's API key from.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public void Authorize(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        else if (ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, ApiKey);
        }

        if (FunctionsKey is not null)
        {
            request.Headers.TryAddWithoutValidation(Api.SwarmApi.FunctionsKeyHeader, FunctionsKey);
        }
    }

    /// <summary>A base URL as typed (<c>host:port</c>, with or without a trailing slash) made absolute and ending in a slash.</summary>
    public static Uri ParseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure(ExitCodes.Usage, $"error: '{url}' is not an http(s) URL.");
        }

        return uri;
    }
}
