using Swarm.Domain.Time;

namespace Swarm.Domain.Tests;

public sealed class ReadableDurationTests
{
    [Theory]
    [InlineData(86_400, "1 day")]
    [InlineData(172_800, "2 days")]
    [InlineData(3_600, "1 hour")]
    [InlineData(600, "10 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "90 s")]
    [InlineData(1.5, "1.5 s")]
    [InlineData(0.25, "250 ms")]
    [InlineData(0, "0 ms")]
    [InlineData(93_600, "1 day 2 hours")]
    [InlineData(125, "2 minutes 5 s")]
    public void A_duration_reads_in_the_units_a_person_would_use(double seconds, string expected)
    {
        Assert.Equal(expected, ReadableDuration.Of(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void A_duration_never_reads_in_dotnet_timespan_notation()
    {
        var text = ReadableDuration.Of(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(7));

        Assert.Equal("1 day 30 minutes 7 s", text);
        Assert.DoesNotContain(":", text, StringComparison.Ordinal);
    }
}
