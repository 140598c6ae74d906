using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Swarm.Application.Schedules;

/// <summary>Schedules of the periodic jobs, read the same way in both hosts.</summary>
public static class PeriodicSchedules
{
    /// <summary>Setting names. Flat keys, because Functions' <c>%setting%</c> binding expressions read app settings by plain name.</summary>
    public const string HealthProbeSetting = "HealthProbeSchedule";

    public const string SelfHealingSetting = "SelfHealingSchedule";

    public const string DefaultAgentSetting = "DefaultAgentSchedule";

    public const string LearningSetting = "LearningSchedule";

    public const string AutoscalingSetting = "AutoscalingSchedule";

    /// <summary>Defaults used when a setting is absent (the local host); the Functions app needs them in its app settings.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        [HealthProbeSetting] = "0 */1 * * * *",
        [SelfHealingSetting] = "30 */5 * * * *",
        [DefaultAgentSetting] = "0 0 * * * *",
        [LearningSetting] = "15 */15 * * * *",
        [AutoscalingSetting] = "45 */1 * * * *",
    };

    /// <exception cref="InvalidOperationException">The schedule is not a six-field NCRONTAB expression; the message names the setting.</exception>
    public static CrontabSchedule Resolve(IConfiguration configuration, IPeriodicJob job)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(job);
        var expression = configuration[job.ScheduleSetting] ?? Defaults.GetValueOrDefault(job.ScheduleSetting)
            ?? throw new InvalidOperationException($"'{job.ScheduleSetting}' is not set; it holds the schedule of {job.Name}.");
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"'{job.ScheduleSetting}' is '{expression}', which is not a six-field NCRONTAB expression (seconds first).");
    }
}
