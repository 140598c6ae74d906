using System.Globalization;
using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Swarm.Api;

namespace Swarm.Functions.Http;

/// <summary>Copies a Functions HTTP request into an <see cref="ApiRequest"/> and an <see cref="ApiResponse"/> back out.</summary>
public static class FunctionsHttpAdapter
{
    public static ApiRequest ToApiRequest(ApiRoute route, HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        var bindingData = request.FunctionContext.BindingContext.BindingData;
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Url.AbsolutePath,
            RouteValues = RouteParameters(route, bindingData),
            Query = request.Query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Query[k] ?? string.Empty),
            Headers = headers,
            Body = request.Body,
            // The rightmost hop is the one the platform's front end appended; anything left of it the client could have written.
            ClientAddress = headers.GetValueOrDefault("X-Forwarded-For")?.Split(',')[^1].Trim(),
            CorrelationId = CorrelationIds.FromClient(headers.GetValueOrDefault(CorrelationIds.Header)),
        };
    }

    public static async Task<HttpResponseData> ToHttpResponseAsync(HttpRequestData request, ApiResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var http = request.CreateResponse((HttpStatusCode)response.Status);
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Add(name, value);
        }

        if (response.Body is not null)
        {
            http.Headers.Add("Content-Type", response.ContentType);
            await response.WriteBodyAsync(http.Body, cancellationToken);
        }

        return http;
    }

    /// <summary>Route parameters arrive in the binding data beside query values and headers; only the route's own names are taken.</summary>
    static Dictionary<string, string> RouteParameters(ApiRoute route, IReadOnlyDictionary<string, object?> bindingData) =>
        RouteTemplateParameters(route.Template)
            .Where(bindingData.ContainsKey)
            .ToDictionary(n => n, n => Convert.ToString(bindingData[n], CultureInfo.InvariantCulture) ?? string.Empty);

    static IEnumerable<string> RouteTemplateParameters(string template) =>
        template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1].Split(':')[0]);
}
