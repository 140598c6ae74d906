using Grpc.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>The gRPC service the worker calls: hands its one bidirectional stream to the test's <see cref="WorkerStream"/>.</summary>
sealed class HostSideEventStream(WorkerStream stream) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        stream.ServeAsync(requestStream, responseStream, context.CancellationToken);
}
