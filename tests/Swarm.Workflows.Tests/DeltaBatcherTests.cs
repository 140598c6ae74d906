using System.Collections.Concurrent;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tests;

/// <summary>The batcher of streamed text on the real clock: order, batching, the final frame, and a channel that fails or stalls.</summary>
public sealed class DeltaBatcherTests
{
    sealed class Outlet
    {
        public ConcurrentQueue<DeltaFrame> Frames { get; } = new();

        public int Concurrent { get; private set; }

        public int MostConcurrent { get; private set; }

        public Func<DeltaFrame, CancellationToken, Task> Send(TimeSpan delay = default, bool fail = false) => async (frame, token) =>
        {
            MostConcurrent = Math.Max(MostConcurrent, ++Concurrent);
            try
            {
                await Task.Delay(delay, token);
                if (fail)
                {
                    throw new HttpRequestException("the channel refused");
                }

                Frames.Enqueue(frame);
            }
            finally
            {
                Concurrent--;
            }
        };
    }

    [Fact]
    public async Task Pieces_arrive_in_order_in_few_frames_and_the_last_is_final()
    {
        var outlet = new Outlet();
        var pieces = Enumerable.Range(0, 5_000).Select(i => $"p{i} ").ToList();
        await using var batcher = new DeltaBatcher([outlet.Send(TimeSpan.FromMilliseconds(2))], TimeProvider.System);

        foreach (var piece in pieces)
        {
            batcher.Add(piece);
        }

        await batcher.CompleteAsync(final: true);

        var frames = outlet.Frames.ToList();
        Assert.Equal(string.Concat(pieces), string.Concat(frames.Select(f => f.Text)));
        Assert.Equal(Enumerable.Range(0, frames.Count), frames.Select(f => f.Sequence));
        Assert.True(frames[^1].Final);
        Assert.All(frames.SkipLast(1), f => Assert.False(f.Final));
        // All 5,000 pieces were there at once: frames are cut by size, not one a piece.
        Assert.InRange(frames.Count, string.Concat(pieces).Length / DeltaBatcher.MaxFrameChars, (string.Concat(pieces).Length / DeltaBatcher.MaxFrameChars) + 3);
        Assert.Equal(1, outlet.MostConcurrent);
        Assert.Equal(frames.Count, batcher.Sent);
        Assert.Equal(0, batcher.Dropped);
    }

    [Fact]
    public async Task The_first_piece_goes_at_once_and_later_ones_wait_for_the_interval()
    {
        var outlet = new Outlet();
        await using var batcher = new DeltaBatcher([outlet.Send()], TimeProvider.System);

        batcher.Add("first");
        await WaitUntilAsync(() => !outlet.Frames.IsEmpty, TimeSpan.FromSeconds(5));
        batcher.Add("second ");
        batcher.Add("third");
        await Task.Delay(DeltaBatcher.Interval * 3);
        await batcher.CompleteAsync(final: true);

        // The final frame is empty, or is the batch itself when the pump saw the end first (a slow machine).
        var frames = outlet.Frames.ToList();
        Assert.Equal("first", frames[0].Text);
        Assert.Equal("second third", frames[1].Text);
        Assert.True(frames[^1].Final);
        Assert.InRange(frames.Count, 2, 3);
    }

    [Fact]
    public async Task A_failing_outlet_drops_its_frames_without_failing_and_the_others_get_every_frame()
    {
        var good = new Outlet();
        var bad = new Outlet();
        await using var batcher = new DeltaBatcher([good.Send(), bad.Send(fail: true)], TimeProvider.System);

        batcher.Add("one ");
        await WaitUntilAsync(() => !good.Frames.IsEmpty, TimeSpan.FromSeconds(5));
        batcher.Add("two");
        await batcher.CompleteAsync(final: true);

        Assert.Equal("one two", string.Concat(good.Frames.Select(f => f.Text)));
        Assert.Empty(bad.Frames);
        Assert.Equal(good.Frames.Count, batcher.Dropped);
        Assert.Equal(good.Frames.Count, batcher.Sent);
        Assert.Equal("HttpRequestException: the channel refused", batcher.LastFailure);
    }

    [Fact]
    public async Task A_failed_call_ends_its_stream_without_a_final_frame()
    {
        var outlet = new Outlet();
        await using var batcher = new DeltaBatcher([outlet.Send()], TimeProvider.System);

        batcher.Add("half an answer");
        await batcher.CompleteAsync(final: false);

        Assert.Equal("half an answer", string.Concat(outlet.Frames.Select(f => f.Text)));
        Assert.DoesNotContain(outlet.Frames, f => f.Final);
    }

    [Fact]
    public async Task A_channel_that_stalls_holds_the_end_of_the_call_at_most_the_flush_limit()
    {
        var outlet = new Outlet();
        await using var batcher = new DeltaBatcher([outlet.Send(Timeout.InfiniteTimeSpan)], TimeProvider.System);
        batcher.Add("stuck");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await batcher.CompleteAsync(final: true);

        Assert.InRange(clock.Elapsed, DeltaBatcher.FlushLimit - TimeSpan.FromMilliseconds(100), DeltaBatcher.FlushLimit + TimeSpan.FromSeconds(2));
        Assert.Equal(0, batcher.Sent);
        Assert.InRange(batcher.Dropped, 1, 2);
    }

    static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var until = DateTimeOffset.UtcNow + patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, "the condition did not hold in time");
            await Task.Delay(5);
        }
    }
}
