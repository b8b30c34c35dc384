using System;
using System.Threading;

namespace ProfileMedia.Emulator.Tests;

/// <summary>A clock the test moves by hand; it starts at the real time so signatures made with the real time still pass.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
