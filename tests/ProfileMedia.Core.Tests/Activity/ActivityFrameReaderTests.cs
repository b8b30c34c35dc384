using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Activity;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>The stream's framing: "\r\n"-separated objects, bare keep-alives, frames split across reads.</summary>
public sealed class ActivityFrameReaderTests
{
    [Fact]
    public async Task Frames_split_across_reads_and_several_in_one_read_come_out_whole_and_in_order()
    {
        var stream = new TrickleStream(Encoding.UTF8.GetBytes("{\"a\":1}\r\n\r\n{\"b\":\r\n2}\n{\"c\":3}\r\n"), chunk: 3);
        var reader = new ActivityFrameReader(stream);

        Assert.Equal("{\"a\":1}", await NextAsync(reader));
        Assert.Equal(string.Empty, await NextAsync(reader));
        Assert.Equal("{\"b\":", await NextAsync(reader));
        Assert.Equal("2}", await NextAsync(reader));
        Assert.Equal("{\"c\":3}", await NextAsync(reader));
        Assert.Null(await reader.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_frame_larger_than_the_first_buffer_grows_it()
    {
        var big = "{\"x\":\"" + new string('a', 50_000) + "\"}";
        var reader = new ActivityFrameReader(new TrickleStream(Encoding.UTF8.GetBytes(big + "\r\n"), chunk: 7000));

        Assert.Equal(big, await NextAsync(reader));
    }

    private static async Task<string?> NextAsync(ActivityFrameReader reader) =>
        await reader.ReadFrameAsync(CancellationToken.None) is { } frame ? Encoding.UTF8.GetString(frame) : null;

    /// <summary>A stream that hands out at most <c>chunk</c> bytes a read, as a network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, System.Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
