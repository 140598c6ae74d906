using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Swarm.Tests;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// A Kestrel app on 127.0.0.1 speaking three vendors' documented wire formats, chosen by request path:
/// <c>…/chat/completions</c> is OpenAI Chat Completions, <c>…/messages</c> is Anthropic Messages and
/// <c>…/api/chat</c> is Ollama chat; <c>…/embeddings</c> and <c>…/api/embed</c> are OpenAI's and Ollama's
/// embeddings; any other path gets a 404. The vendors' real SDKs talk to it over HTTP.
/// </summary>
/// <remarks>
/// Replies queued with <see cref="Enqueue"/> are taken by the next vendor requests in arrival order, whichever
/// vendor they call; with the queue empty a request gets <c>FakeReply.Text("ok")</c>. Embeddings take no queued
/// reply: they always get <see cref="FakeEmbeddings"/> vectors, so a test that embeds on the way leaves the chat
/// replies it queued for the chat calls. Every request is recorded
/// before its reply is written, so <see cref="Requests"/> also shows calls that failed or hung.
/// </remarks>
public sealed class FakeVendorServer : IAsyncDisposable
{
    static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    readonly Lock gate = new();
    readonly Queue<FakeReply> replies = new();
    readonly List<RecordedRequest> requests = [];

    // Cancelled first on disposal, so hung requests end before Kestrel waits for them to drain.
    readonly CancellationTokenSource stopping = new();
    WebApplication app = null!;

    FakeVendorServer()
    {
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:23456/</c>, always with a trailing slash.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a server on a loopback port the operating system picks, so parallel tests never collide.</summary>
    public static async Task<FakeVendorServer> StartAsync()
    {
        var server = new FakeVendorServer();
        (server.app, server.BaseUri) = await LoopbackWebApp.StartAsync(server.AnswerAsync, ShutdownTimeout);
        return server;
    }

    /// <summary>Queues replies for the next requests, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        lock (gate)
        {
            foreach (var reply in replies)
            {
                this.replies.Enqueue(reply);
            }
        }
    }

    /// <summary>
    /// How to answer a request when nothing is queued, decided from its parsed body (null: the default "ok"): for a
    /// client whose calls a test cannot order, such as several agents' tool loops at once.
    /// </summary>
    public Func<JsonElement, FakeReply?>? Rule { get; set; }

    /// <summary>Releases hung requests (their connections are dropped), then stops Kestrel.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var format = VendorWireFormat.ForPath(path);
        var json = VendorWireFormat.ParseBody(body);
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(path, headers.AsReadOnly(), body, format?.AsksToStream(json) ?? false);
        if (EmbeddingsWireFormat.ForPath(path) is { } embeddings)
        {
            lock (gate)
            {
                requests.Add(recorded);
            }

            await embeddings.WriteEmbeddingsAsync(context.Response, json, context.RequestAborted);
            return;
        }

        FakeReply? reply = null;
        lock (gate)
        {
            // Recording and taking a reply under one lock keeps the two in the same order. An unknown path takes
            // no reply: the queue is for the vendor calls a test expects.
            requests.Add(recorded);
            if (format is not null)
            {
                reply = replies.TryDequeue(out var next) ? next : Rule?.Invoke(json) ?? FakeReply.Text("ok");
            }
        }

        if (format is null || reply is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"error":"no fake vendor serves {{path}}"}""", context.RequestAborted);
            return;
        }

        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            switch (reply)
            {
                case TextReply text:
                    await format.WriteCompletionAsync(context.Response, text, json, released.Token);
                    break;
                case ToolCallReply calls:
                    await format.WriteToolCallsAsync(context.Response, calls, json, released.Token);
                    break;
                case StatusReply status:
                    await format.WriteErrorAsync(context.Response, status, released.Token);
                    break;
                default:
                    await Task.Delay(Timeout.Infinite, released.Token);
                    break;
            }
        }
        catch (OperationCanceledException) when (released.IsCancellationRequested)
        {
            // The client left or the server is stopping: drop the connection rather than send a half-made reply.
            context.Abort();
        }
    }
}
