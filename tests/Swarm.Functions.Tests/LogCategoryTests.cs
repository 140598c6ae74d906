using System.Reflection;
using Microsoft.Extensions.Logging;
using Swarm.Workflows;

namespace Swarm.Functions.Tests;

/// <summary>Every log event the swarm declares (in the assemblies the Functions app ships; the local host adds its own 1560s and 1570s) is in one of the spec's categories, and no two share an id.</summary>
public sealed class LogCategoryTests
{
    [Fact]
    public void Every_declared_event_id_has_a_spec_category_and_is_unique()
    {
        var events = Directory.GetFiles(AppContext.BaseDirectory, "Swarm.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom)
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .Select(e => (Name: e.Method.DeclaringType!.Name + "." + e.Method.Name, e.Attribute!.EventId))
            .ToList();

        Assert.True(events.Count > 40, $"only {events.Count} log events found");
        Assert.All(events, e => Assert.True(LogCategories.Of(e.EventId) is not null, $"{e.Name}: event {e.EventId} is in no category"));
        Assert.Empty(events.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}"));
        Assert.Equal(LogCategories.Performance, LogCategories.Of(2001));
        Assert.Equal(LogCategories.Security, LogCategories.Of(1404));
    }
}
