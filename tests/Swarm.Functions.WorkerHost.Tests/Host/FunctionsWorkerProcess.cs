using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Tests;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// The built <c>Swarm.Functions</c> worker, unmodified, started the way the Functions host starts a .NET isolated
/// worker (<c>dotnet Swarm.Functions.dll</c> with the host's gRPC arguments and the app settings as environment
/// variables), connected to a <see cref="FunctionRpcServer"/> and taken through worker init. What the host does next
/// (metadata, load, invocations) the test asks for step by step.
/// </summary>
sealed class FunctionsWorkerProcess : IAsyncDisposable
{
    /// <summary>How long one exchange with the worker may take; its start-up (a cold .NET process) is the slowest.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    readonly FunctionRpcServer server;
    readonly Process process;
    readonly ConcurrentQueue<string> output;

    FunctionsWorkerProcess(FunctionRpcServer server, Process process, ConcurrentQueue<string> output, string workerId)
    {
        this.server = server;
        this.process = process;
        this.output = output;
        WorkerId = workerId;
    }

    public static string AppFolder => RepositoryPaths.ProjectOutput("Swarm.Functions");

    public string WorkerId { get; }

    public WorkerInitResponse Init { get; private set; } = new();

    /// <summary>What the worker printed and logged over the stream, for failure messages.</summary>
    public string Output =>
        string.Join(Environment.NewLine, output.Concat(server.Stream.Logs.Select(l => $"[rpc {l.Level}] {l.Category}: {l.Message} {l.Exception?.Message}")));

    /// <param name="appSettings">The app settings, which the host hands its worker as environment variables.</param>
    public static async Task<FunctionsWorkerProcess> StartAsync(IReadOnlyDictionary<string, string> appSettings)
    {
        var server = await FunctionRpcServer.StartAsync();
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var output = new ConcurrentQueue<string>();
        var process = Process.Start(StartInfo(server.Address, workerId, requestId, appSettings))
            ?? throw new InvalidOperationException("The Functions worker did not start.");
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var worker = new FunctionsWorkerProcess(server, process, output, workerId);
        try
        {
            await worker.InitializeAsync();
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>The arguments are the host's (both the old names and the <c>functions-</c> ones, as the host sends both).</summary>
    static ProcessStartInfo StartInfo(Uri server, string workerId, string requestId, IReadOnlyDictionary<string, string> appSettings)
    {
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var maxMessage = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppFolder, "Swarm.Functions.dll"),
                "--host", server.Host, "--port", port, "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessage,
                "--functions-uri", server.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
                "--functions-grpc-max-message-length", maxMessage,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppFolder,
        };

        // The test process's own .NET logging level (tests/test.runsettings) is not the app's.
        start.Environment.Remove("Logging__LogLevel__Default");
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        // The host sets it for its workers; the worker reads it to load a function (and fails the load without it).
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = AppFolder;
        foreach (var (key, value) in appSettings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    async Task InitializeAsync()
    {
        var start = await ReceiveAsync(StreamingMessage.ContentOneofCase.StartStream);
        if (start.StartStream.WorkerId != WorkerId)
        {
            throw new InvalidOperationException($"The worker started its stream as '{start.StartStream.WorkerId}', not '{WorkerId}'.");
        }

        await SendAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = "4.1040.0",
                WorkerDirectory = AppFolder,
                FunctionAppDirectory = AppFolder,
                LogCategories = { ["Worker"] = RpcLog.Types.Level.Information },
            },
        });
        Init = (await ReceiveAsync(StreamingMessage.ContentOneofCase.WorkerInitResponse)).WorkerInitResponse;
    }

    /// <summary>The host's FunctionsMetadataRequest: the worker indexes itself and says what functions it has.</summary>
    public async Task<FunctionMetadataResponse> MetadataAsync()
    {
        await SendAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppFolder } });
        return (await ReceiveAsync(StreamingMessage.ContentOneofCase.FunctionMetadataResponse)).FunctionMetadataResponse;
    }

    /// <summary>
    /// The host's FunctionLoadRequest for one function: the metadata the worker reported, with the binding map the host
    /// fills from the raw bindings (name, type, direction, data type).
    /// </summary>
    public async Task<FunctionLoadResponse> LoadAsync(RpcFunctionMetadata function)
    {
        var metadata = function.Clone();
        foreach (var raw in function.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            var root = binding.RootElement;
            var info = new BindingInfo
            {
                Type = root.GetProperty("type").GetString(),
                Direction = Enum.Parse<BindingInfo.Types.Direction>(root.GetProperty("direction").GetString()!, ignoreCase: true),
            };
            if (root.TryGetProperty("dataType", out var dataType))
            {
                info.DataType = Enum.Parse<BindingInfo.Types.DataType>(dataType.GetString()!, ignoreCase: true);
            }

            metadata.Bindings[root.GetProperty("name").GetString()] = info;
        }

        await SendAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = metadata } });
        var response = (await ReceiveAsync(m => m.FunctionLoadResponse?.FunctionId == function.FunctionId)).FunctionLoadResponse;
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker did not load {function.Name}: {response.Result.Exception?.Message}{Environment.NewLine}{Output}");
        }

        return response;
    }

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest invocation)
    {
        await SendAsync(new StreamingMessage { InvocationRequest = invocation });
        return (await ReceiveAsync(m => m.InvocationResponse?.InvocationId == invocation.InvocationId)).InvocationResponse;
    }

    async Task SendAsync(StreamingMessage message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await server.Stream.SendAsync(message, timeout.Token);
    }

    Task<StreamingMessage> ReceiveAsync(StreamingMessage.ContentOneofCase kind) => ReceiveAsync(m => m.ContentCase == kind);

    async Task<StreamingMessage> ReceiveAsync(Func<StreamingMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await server.Stream.ReceiveAsync(match, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            var exited = process.HasExited ? $"exited with code {process.ExitCode}" : "still running";
            throw new TimeoutException($"The worker ({exited}) did not answer within {Patience.TotalSeconds} s:{Environment.NewLine}{Output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await server.DisposeAsync();
    }
}
