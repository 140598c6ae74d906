using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Swarm.Workflows.Tests.Entities;

/// <summary>
/// Runs an entity's operations directly, as durabletask-dotnet tests its entities: the state is kept between
/// operations, and what the entity asks its context to do (orchestrations started, entities signalled) is recorded.
/// </summary>
sealed class EntityOperations<TEntity>(EntityInstanceId id)
    where TEntity : ITaskEntity, new()
{
    readonly StoredState state = new();

    public RecordingContext Context { get; } = new(id);

    public object? State => state.Value;

    public async Task<T?> RunAsync<T>(string operation, object? input = null) => (T?)await RunAsync(operation, input);

    public Task<object?> RunAsync(string operation, object? input = null) =>
        new TEntity().RunAsync(new Operation(operation, input, Context, state)).AsTask();

    sealed class Operation(string name, object? input, TaskEntityContext context, TaskEntityState state) : TaskEntityOperation
    {
        public override string Name => name;

        public override TaskEntityContext Context => context;

        public override TaskEntityState State => state;

        public override bool HasInput => input is not null;

        public override object? GetInput(Type inputType) => input;
    }

    sealed class StoredState : TaskEntityState
    {
        public object? Value { get; private set; }

        public override bool HasState => Value is not null;

        public override object? GetState(Type type) => Value;

        public override void SetState(object? state) => Value = state;
    }
}

/// <summary>What an entity asked its context to do during its operations.</summary>
sealed class RecordingContext(EntityInstanceId id) : TaskEntityContext
{
    public List<(string Name, object? Input)> Started { get; } = [];

    public List<(EntityInstanceId Entity, string Operation, object? Input)> Signals { get; } = [];

    public override EntityInstanceId Id => id;

    public override void SignalEntity(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null) =>
        Signals.Add((id, operationName, input));

    public override string ScheduleNewOrchestration(TaskName name, object? input = null, StartOrchestrationOptions? options = null)
    {
        Started.Add((name.Name, input));
        return options?.InstanceId ?? Guid.NewGuid().ToString("N");
    }
}
