using System;
using System.Text;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// Generates strings for the URL rules: mostly URLs built from the grammar of X's media URLs with a few mutations,
/// some raw random text (control characters, lone surrogates, %-escapes), blanks, null, and now and then a huge one.
/// </summary>
internal sealed class UrlGenerator
{
    private static readonly string[] Schemes = { "https", "https", "http", "http", "HTTPS", "Http", "hTTpS", "ftp", "https:", "http:/", "", "h", "httpss", "file" };
    private static readonly string[] GoodSchemes = { "https", "http", "HTTPS", "Http" };
    private static readonly string[] Separators = { "://", "://", "://", "://", "://", "://", ":/", ":///", "//", ":\\\\", ":" };

    private static readonly string[] Authorities =
    {
        "pbs.twimg.com", "pbs.twimg.com", "abs.twimg.com", "PBS.TWIMG.COM", "127.0.0.1:5000", "[::1]:8080", "[::1]", "user:pw@pbs.twimg.com",
        "pbs.twimg.com:443", "", "%70bs.twimg.com", "xn--bcher-kva.example", "b\u00FCcher.example", "pbs.twimg.com.", "a", "@", ":", "[", "]",
        "pbs.twimg.com:", "_normal.png", "profile_banners", "web", "\u0430pple.com", "localhost:65535", "host:99999999999",
    };

    private static readonly string[] Folders =
    {
        "profile_images", "profile_images", "1594351837654773760", "default_profile_images", "profile_banners", "6253282", "1347394302",
        "", ".", "..", "%2F", "x_normal.png", "web", "ipad_retina", "DEFAULT_PROFILE_IMAGES", "a.b", "_mini", "1500x500", "default_profile_images.",
    };

    private static readonly string[] Stems =
    {
        "Ab3dE_fg", "Ab3dE_fg", "default_profile", "Logo_400x400", "_normal", "", "x", ".", "a.b", "photo%20one", "\u540D\u524D", "\uD83D\uDE00",
        "_mini_mini", "1500x500", "web", "normal", "_", "__bigger",
    };

    private static readonly string[] Markers = { "", "", "_normal", "_normal", "_bigger", "_mini", "_200x200", "_400x400", "_NORMAL", "_original", "_normal_", "normal", "_400X400" };

    private static readonly string[] Extensions = { "", ".jpg", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".PNG", ".", "..", ".tar.gz", ".jpg.", ".x_normal", ".jpg/" };

    private static readonly string[] Stamps = { "1347394302", "1600000000", "0", "", "web", "x.png", "a_normal.jpg" };

    private static readonly string[] Tails =
    {
        "", "", "", "?", "#", "?a=b", "?name=x_normal.jpg", "#frag_mini", "?q=1#_bigger.png", "?/a/b/web", "#/1500x500", "??", "?#", "#?",
        "?format=jpg&name=400x400", "?x=%2F%3F", "#\u00E9", "/?a",
    };

    private static readonly string[] Tokens =
    {
        "://", "/", "//", "?", "#", ".", "_", "_normal", "_mini", "_bigger", "_200x200", "_400x400", "web", "/web", "1500x500", "/ipad_retina",
        ".png", "default_profile_images/", "profile_banners", "%", "%2", "%2F", "%00", "%E2%80%AE", "@", ":", "[::1]", "http://", "https://",
    };

    private static readonly char[] Interesting =
    {
        '\0', '\t', '\n', '\r', ' ', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F', '\u00A0', '\u00A1', '\u2028', '\u3000', '\uFEFF', '\uFFFD', '\uFFFF',
        '\\', '/', '?', '#', '%', '.', '_', '@', ':', '[', ']', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x', 'A', '0', '~', '-', '+',
    };

    private static readonly string[] Blanks = { string.Empty, " ", "\t\r\n", "\u00A0", "\u2028 ", "\u3000", "\u0085" };

    private static readonly string HugeSegment = new('a', 1 << 17);

    private readonly StringBuilder text = new(256);

    public string? Next(FuzzRandom random)
    {
        int mode = random.Next(1000);
        if (mode < 2)
        {
            return null;
        }

        if (mode < 10)
        {
            return random.Pick(Blanks);
        }

        if (mode < 260)
        {
            return RandomText(random, random.Next(0, random.Chance(1, 8) ? 300 : 40));
        }

        text.Clear();
        BuildUrl(random, huge: mode == 999 && random.Chance(1, 4));
        int mutations = random.Chance(3, 5) ? 0 : random.Next(1, 4);
        for (int i = 0; i < mutations; i++)
        {
            Mutate(random);
        }

        return text.ToString();
    }

    private void BuildUrl(FuzzRandom random, bool huge)
    {
        text.Append(random.Chance(4, 5) ? random.Pick(GoodSchemes) : random.Pick(Schemes))
            .Append(random.Chance(6, 7) ? "://" : random.Pick(Separators))
            .Append(random.Pick(Authorities));
        int folders = random.Next(5);
        for (int i = 0; i < folders; i++)
        {
            text.Append('/').Append(random.Pick(Folders));
        }

        if (huge)
        {
            text.Append('/').Append(HugeSegment, 0, random.Next(1, HugeSegment.Length));
        }

        text.Append('/');
        switch (random.Next(3))
        {
            case 0:
                text.Append(random.Pick(Stems)).Append(random.Pick(Markers)).Append(random.Pick(Extensions));
                break;
            case 1:
                text.Append(random.Pick(Stamps));
                if (random.Coin())
                {
                    text.Append('/').Append(RandomCase(random, random.Chance(7, 8) ? random.Pick(BannerNames) : random.Pick(Stems)));
                }

                break;
            default:
                text.Append(random.Pick(Stems)).Append(random.Pick(Markers));
                break;
        }

        if (random.Chance(1, 6))
        {
            text.Append('/');
        }

        text.Append(random.Pick(Tails));
    }

    private static readonly string[] BannerNames = BannerNamesPlus("original", "1500X500", "web_retina_", "", "mobile_", "ipad_retin", "300x1000");

    private static string[] BannerNamesPlus(params string[] extra)
    {
        var names = new string[BannerSize.Names.Count + extra.Length];
        for (int i = 0; i < BannerSize.Names.Count; i++)
        {
            names[i] = BannerSize.Names[i];
        }

        extra.CopyTo(names, BannerSize.Names.Count);
        return names;
    }

    private static string RandomCase(FuzzRandom random, string value)
    {
        if (random.Chance(3, 4))
        {
            return value;
        }

        char[] chars = value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (random.Coin())
            {
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private void Mutate(FuzzRandom random)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(8))
        {
            case 0:
                text.Insert(at, random.Pick(Interesting));
                break;
            case 1:
                if (at < text.Length)
                {
                    text.Remove(at, random.Next(1, Math.Min(4, text.Length - at) + 1));
                }

                break;
            case 2:
                if (at < text.Length)
                {
                    int length = random.Next(1, Math.Min(12, text.Length - at) + 1);
                    text.Insert(random.Next(text.Length + 1), text.ToString(at, length));
                }

                break;
            case 3:
                text.Insert(at, "%" + Hex(random) + Hex(random));
                break;
            case 4:
                text.Length = at;
                break;
            case 5:
                if (at < text.Length)
                {
                    char c = text[at];
                    text[at] = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                }

                break;
            case 6:
                text.Insert(at, random.Pick(Tokens));
                break;
            default:
                if (at < text.Length)
                {
                    text[at] = RandomChar(random);
                }

                break;
        }
    }

    private static char Hex(FuzzRandom random) => "0123456789abcdefABCDEFgG%"[random.Next(25)];

    private string RandomText(FuzzRandom random, int length)
    {
        text.Clear();
        if (random.Coin())
        {
            text.Append(random.Coin() ? "https://" : "http://");
        }

        for (int i = 0; i < length; i++)
        {
            if (random.Chance(1, 10))
            {
                text.Append(random.Pick(Tokens));
            }
            else
            {
                text.Append(RandomChar(random));
            }
        }

        return text.ToString();
    }

    /// <summary>Printable ASCII most of the time; control characters, Latin-1, any BMP unit and lone surrogates otherwise.</summary>
    internal static char RandomChar(FuzzRandom random) => random.Next(16) switch
    {
        < 9 => (char)random.Next(0x21, 0x7F),
        9 => (char)random.Next(0, 0x21),
        10 => (char)random.Next(0x7F, 0x100),
        11 => (char)random.Next(0xD800, 0xE000),
        12 => random.Pick(Interesting),
        _ => (char)random.Next(0, 0x10000),
    };
}
