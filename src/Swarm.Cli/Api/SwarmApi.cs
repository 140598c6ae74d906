using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Swarm.Cli.Profiles;

namespace Swarm.Cli.Api;

/// <summary>
/// The swarm's REST API over HTTP, with the credential of one <see cref="Connection"/>. Every failure becomes a
/// <see cref="CliFailure"/> or an <see cref="ApiProblemException"/> carrying the exit code a script can rely on.
/// </summary>
sealed class SwarmApi : IDisposable
{
    /// <summary>The header Azure Functions reads a function key from (a deployed app whose routes need one).</summary>
    public const string FunctionsKeyHeader = "x-functions-key";

    readonly HttpClient http;

    public SwarmApi(Connection connection, HttpMessageHandler? handler = null)
    {
        Connection = connection;
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = connection.BaseUrl;
        http.Timeout = TimeSpan.FromSeconds(100);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("swarm-cli/" + typeof(SwarmApi).Assembly.GetName().Version);
    }

    public Connection Connection { get; }

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        Connection.Authorize(request);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body, body.GetType(), WireJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(ExitCodes.ServerUnavailable, $"error: the swarm at {Connection.BaseUrl} cannot be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.ServerUnavailable, $"error: the swarm at {Connection.BaseUrl} did not answer within {http.Timeout.TotalSeconds:0} s.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiProblemException(ApiProblem.Read(status, response.ReasonPhrase, text));
            }

            return new ApiAnswer(status, text, Parse(text), response.Headers.Location);
        }
    }

    static JsonElement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.ServerError, "error: the swarm's answer is not JSON: " + e.Message);
        }
    }

    /// <summary>A path with its query string; parameters without a value are left out.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : path + "?" + string.Join('&', given);
    }

    /// <summary>One path segment (an id, a namespace, a key) escaped so that it stays one segment.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    public void Dispose() => http.Dispose();
}
