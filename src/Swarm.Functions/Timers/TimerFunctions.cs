using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Swarm.Application.Schedules;

namespace Swarm.Functions.Timers;

/// <summary>
/// The periodic jobs as timer functions. Schedules are NCRONTAB expressions read from app settings named in
/// <see cref="PeriodicSchedules"/>; the local host runs the same jobs from the same settings.
/// </summary>
public sealed class TimerFunctions(HealthProbeJob healthProbe, StalledTaskReaper selfHealing, DefaultAgentJob defaultAgent, LearningJob learning, AutoscalingJob autoscaling)
{
    [Function("HealthProbe")]
    public Task HealthProbe(
        [TimerTrigger("%" + PeriodicSchedules.HealthProbeSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return healthProbe.RunAsync(durable, context.CancellationToken);
    }

    [Function("SelfHealing")]
    public Task SelfHealing(
        [TimerTrigger("%" + PeriodicSchedules.SelfHealingSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return selfHealing.RunAsync(durable, context.CancellationToken);
    }

    [Function("DefaultAgent")]
    public Task DefaultAgent(
        [TimerTrigger("%" + PeriodicSchedules.DefaultAgentSetting + "%", RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return defaultAgent.RunAsync(durable, context.CancellationToken);
    }

    [Function("Learning")]
    public Task Learning(
        [TimerTrigger("%" + PeriodicSchedules.LearningSetting + "%", RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return learning.RunAsync(durable, context.CancellationToken);
    }

    [Function("Autoscaling")]
    public Task Autoscaling(
        [TimerTrigger("%" + PeriodicSchedules.AutoscalingSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return autoscaling.RunAsync(durable, context.CancellationToken);
    }
}
