using Grpc.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// The worker's end of the <c>FunctionRpc.EventStream</c> as the host sees it: what the worker sent (logs kept apart,
/// everything else waiting to be taken by a test) and a way to send it requests. The stream allows one writer at a time.
/// </summary>
sealed class WorkerStream
{
    readonly TaskCompletionSource<IServerStreamWriter<StreamingMessage>> connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly SemaphoreSlim writer = new(1, 1);
    readonly List<StreamingMessage> received = [];
    readonly List<RpcLog> logs = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the worker logged over the stream (its <c>RpcLog</c> messages), oldest first.</summary>
    public IReadOnlyList<RpcLog> Logs
    {
        get
        {
            lock (received)
            {
                return [.. logs];
            }
        }
    }

    /// <summary>Called by the gRPC service for the worker's call: reads until the worker hangs up or the test host stops.</summary>
    public async Task ServeAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (!connected.TrySetResult(responses))
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This test host serves one worker stream."));
        }

        try
        {
            await foreach (var message in requests.ReadAllAsync(cancellationToken))
            {
                lock (received)
                {
                    if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
                    {
                        logs.Add(message.RpcLog);
                        continue;
                    }

                    received.Add(message);
                    arrived.TrySetResult();
                    arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The test host is stopping.
        }
        finally
        {
            closed.TrySetResult();
        }
    }

    public async Task SendAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        var responses = await connected.Task.WaitAsync(cancellationToken);
        await writer.WaitAsync(cancellationToken);
        try
        {
            await responses.WriteAsync(message, cancellationToken);
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>Takes the first message the worker sent (or sends later) that <paramref name="match"/> accepts.</summary>
    public async Task<StreamingMessage> ReceiveAsync(Func<StreamingMessage, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (received)
            {
                var index = received.FindIndex(m => match(m));
                if (index >= 0)
                {
                    var message = received[index];
                    received.RemoveAt(index);
                    return message;
                }

                next = arrived.Task;
            }

            if (closed.Task.IsCompleted)
            {
                throw new InvalidOperationException("The worker closed its stream without sending the awaited message.");
            }

            await Task.WhenAny(next, closed.Task).WaitAsync(cancellationToken);
        }
    }

    public Task<StreamingMessage> ReceiveAsync(StreamingMessage.ContentOneofCase kind, CancellationToken cancellationToken) =>
        ReceiveAsync(m => m.ContentCase == kind, cancellationToken);
}
