using System.Text.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// An HTTP request turned into the InvocationRequest the Functions host sends for an HTTP-triggered function, following
/// the host's conversion (azure-functions-host's <c>ToRpcHttp</c>): lower-cased header names, the query as a map, route
/// values matched from the function's route template, the body as bytes when the worker asks for raw bytes, and the
/// route values, query values, <c>Query</c> and <c>Headers</c> as trigger metadata (the worker's binding data).
/// </summary>
static class HttpInvocation
{
    /// <param name="durable">
    /// The durable extension's gRPC endpoint and task hub, which the host names in every <c>[DurableClient]</c> binding
    /// (see <see cref="DurableEndpointRelay"/>).
    /// </param>
    public static InvocationRequest Build(
        RpcFunctionMetadata function, IReadOnlyDictionary<string, string> workerCapabilities, HttpRequestMessage request, string body, (Uri Endpoint, string TaskHub) durable)
    {
        var trigger = InvocationRequests.Binding(function, "httpTrigger");
        var url = request.RequestUri!;
        var http = new RpcHttp { Method = request.Method.Method, Url = url.AbsoluteUri };
        var nullable = workerCapabilities.ContainsKey("UseNullableValueDictionaryForHttp");

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var queryValues = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k] ?? string.Empty);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var routeValues = RouteValues(trigger.GetProperty("route").GetString()!, url.AbsolutePath);
        foreach (var (key, value) in queryValues)
        {
            AddTo(nullable ? null : http.Query, nullable ? http.NullableQuery : null, key, value);
        }

        foreach (var (key, value) in headers)
        {
            AddTo(nullable ? null : http.Headers, nullable ? http.NullableHeaders : null, key, value);
        }

        foreach (var (key, value) in routeValues)
        {
            AddTo(nullable ? null : http.Params, nullable ? http.NullableParams : null, key, value);
        }

        if (body.Length > 0)
        {
            var bytes = ByteString.CopyFromUtf8(body);
            http.Body = workerCapabilities.ContainsKey("RawHttpBodyBytes") ? new TypedData { Bytes = bytes } : new TypedData { String = body };
            if (!workerCapabilities.ContainsKey("RpcHttpBodyOnly"))
            {
                http.RawBody = new TypedData { Bytes = bytes };
            }
        }

        var invocation = InvocationRequests.For(function, "httpTrigger", new TypedData { Http = http }, durable, DateTime.UtcNow);

        // The HTTP trigger's binding data, as the WebJobs HTTP extension builds it.
        foreach (var (key, value) in queryValues.Concat(routeValues))
        {
            invocation.TriggerMetadata[key] = new TypedData { String = value };
        }

        invocation.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(queryValues) };
        invocation.TriggerMetadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(headers) };
        return invocation;
    }

    /// <summary>
    /// What the durable extension hands an isolated worker for a <c>[DurableClient]</c> parameter: where its gRPC
    /// endpoint is, the task hub, and the client's message size at its default (DurableTaskOptions: 4 MB).
    /// Without the message size the worker's client takes 0 and refuses every answer that carries data.
    /// </summary>
    internal static string DurableClientInput(Uri endpoint, string taskHub) => JsonSerializer.Serialize(new
    {
        taskHubName = taskHub,
        rpcBaseUrl = endpoint.AbsoluteUri,
        requiredQueryStringParameters = string.Empty,
        httpBaseUrl = "http://127.0.0.1/runtime/webhooks/durabletask",
        maxGrpcMessageSizeInBytes = 4194304,
    });

    static Dictionary<string, string> RouteValues(string template, string path)
    {
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary());
        if (!matcher.TryMatch(path, values))
        {
            throw new ArgumentException($"{path} does not match the function's route {template}.", nameof(path));
        }

        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!);
    }

    static void AddTo(Google.Protobuf.Collections.MapField<string, string>? plain, Google.Protobuf.Collections.MapField<string, NullableString>? nullable, string key, string value)
    {
        if (plain is not null)
        {
            if (value.Length > 0)
            {
                plain[key] = value;
            }
        }
        else
        {
            nullable![key] = new NullableString { Value = value };
        }
    }
}
