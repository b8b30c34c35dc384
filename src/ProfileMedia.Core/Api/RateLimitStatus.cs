using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ProfileMedia.Core.Api;

/// <summary>The rate-limit window an answer reported through its <c>x-rate-limit-*</c> headers.</summary>
public sealed class RateLimitStatus
{
    /// <summary>Creates a status from known values.</summary>
    internal RateLimitStatus(int? limit, int? remaining, DateTimeOffset? reset)
    {
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
    }

    /// <summary>Calls allowed in the window.</summary>
    public int? Limit { get; }

    /// <summary>Calls left in the window.</summary>
    public int? Remaining { get; }

    /// <summary>When the window starts over.</summary>
    public DateTimeOffset? Reset { get; }

    /// <summary>Calls allowed in 24 hours (<c>x-app-limit-24hour-limit</c> or <c>x-user-limit-24hour-limit</c>), when the answer said.</summary>
    public int? DailyLimit { get; private set; }

    /// <summary>Calls left in the 24-hour window, when the answer said.</summary>
    public int? DailyRemaining { get; private set; }

    /// <summary>Reads the headers of <paramref name="response"/>; null when it has none.</summary>
    internal static RateLimitStatus? FromHeaders(HttpResponseMessage response)
    {
        int? limit = ReadInt(response.Headers, "x-rate-limit-limit");
        int? remaining = ReadInt(response.Headers, "x-rate-limit-remaining");
        long? resetSeconds = ReadLong(response.Headers, "x-rate-limit-reset");
        int? dailyLimit = ReadInt(response.Headers, "x-app-limit-24hour-limit") ?? ReadInt(response.Headers, "x-user-limit-24hour-limit");
        int? dailyRemaining = ReadInt(response.Headers, "x-app-limit-24hour-remaining") ?? ReadInt(response.Headers, "x-user-limit-24hour-remaining");
        if (limit == null && remaining == null && resetSeconds == null && dailyLimit == null && dailyRemaining == null)
        {
            return null;
        }

        DateTimeOffset? reset = null;
        if (resetSeconds is long seconds && seconds > 0 && seconds < 253_402_300_799L)
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return new RateLimitStatus(limit, remaining, reset) { DailyLimit = dailyLimit, DailyRemaining = dailyRemaining };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}/{1} left{2}", Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?", Limit?.ToString(CultureInfo.InvariantCulture) ?? "?",
            Reset is DateTimeOffset reset ? ", resets " + Describe(reset) : string.Empty)
        + (DailyLimit == null && DailyRemaining == null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "; 24 h: {0}/{1} left",
            DailyRemaining?.ToString(CultureInfo.InvariantCulture) ?? "?", DailyLimit?.ToString(CultureInfo.InvariantCulture) ?? "?"));

    /// <summary>A reset time in local time: the time of day, with the date too when it is not within the next day.</summary>
    internal static string Describe(DateTimeOffset reset)
    {
        DateTimeOffset local = reset.ToLocalTime();
        TimeSpan away = reset - DateTimeOffset.UtcNow;
        return local.ToString(away > TimeSpan.FromDays(1) || away < TimeSpan.FromDays(-1) ? "yyyy-MM-dd HH:mm:ss" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        ReadLong(headers, name) is long value && value >= int.MinValue && value <= int.MaxValue ? (int)value : (int?)null;

    private static long? ReadLong(HttpResponseHeaders headers, string name)
    {
        if (headers.TryGetValues(name, out var values))
        {
            foreach (string value in values)
            {
                if (long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
                {
                    return parsed;
                }
            }
        }

        return null;
    }
}
