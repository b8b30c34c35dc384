using System;
using System.Collections.Generic;
using System.Text;
using ProfileMedia.Core.Urls;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// Generates response bodies: the hand-written bodies of tests/data, and user, banner and error objects whose fields have the right
/// type or a wrong one (numbers as strings, arrays for objects, null, huge numbers), unknown fields, random JSON, deep
/// nesting and random bytes; then, for about half of them, byte-level mutations: truncation, bit flips, invalid UTF-8,
/// deleted and duplicated ranges, stray tokens.
/// </summary>
internal sealed class JsonGenerator
{
    private static readonly byte[][] FixtureBodies = LoadHandWrittenBodies();

    private static readonly string[] Numbers =
    {
        "0", "-0", "1", "-1", "48", "783214", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890", "1e400", "-1e400", "1E+2", "1e-400",
        "1.5", "1.0", "0.0000001", "4.9e-324", "1.7976931348623157e308", "1500", "500", "313", "626",
    };

    private static readonly string[] Strings =
    {
        "", "Twitter", "783214", "1358867490210734088", "https://pbs.twimg.com/profile_images/1/a_normal.jpg", "http:\\/\\/pbs.twimg.com\\/profile_images\\/1\\/b_normal.png",
        "https://pbs.twimg.com/profile_banners/6253282/1347394302", "https://pbs.twimg.com/profile_banners/6253282/1347394302/web", "\\u0000", "\\ud83d\\ude00", "\\ud800",
        "\\udc00x", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\u00E9t\u00E9", "\uD83D\uDE00", "\\u00e9\\u00C9", "true", "null", "1e400", "web", "ipad_retina",
        "Sorry, that page does not exist", "User not found.", "\\uDBFF\\uDFFF", "a\\u002Fb",
    };

    private static readonly string[] UnknownNames = { "entities", "status", "x", "", "id_str ", "ID", "\\u0069d", "sizes", "errors", "w", "url", "\uD83D\uDE00", "\\ud800" };

    private static readonly string[] SizeNames = SizeNamesPlus("huge", "", "WEB", "web ", "Ipad", "300X100", "original", "\\u0077eb", "mobile_retina2");

    private static readonly string[] UserFields = { "id", "id_str", "screen_name", "name", "profile_image_url", "profile_image_url_https", "profile_banner_url", "default_profile_image" };

    private static readonly byte[][] BadBytes =
    {
        new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xED, 0xBF, 0xBF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xFF }, new byte[] { 0xFE }, new byte[] { 0x80 }, new byte[] { 0xBF }, new byte[] { 0xEF, 0xBB, 0xBF },
        new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0x00 }, new byte[] { 0x1F }, new byte[] { 0x7F },
        new byte[] { 0xC2, 0xA0 }, new byte[] { 0xE2, 0x80, 0xA8 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, new byte[] { 0xC1, 0xBF }, new byte[] { 0xF0, 0x80, 0x80, 0x80 },
    };

    private static readonly byte[][] Tokens = ToBytes(
        "1e400", "123456789012345678901234567890", "-", "0", "00", "01", "-0", ".5", "1.", "1e", "1e+", "\\u", "\\ud800", "\\uZZZZ", "\\x", "\"", ",", ":", "]", "}",
        "[", "{", "tru", "nul", "true", "null", "false", "NaN", "Infinity", "//", "/*", "'", "\\", " ", "\t", "\r\n", "\f", "\v", "{\"a\":", "[[[[", "]]]]", ",,", "\"\":",
        "{\"id_str\":\"1\",\"screen_name\":\"x\"}", "\"sizes\"", "\"errors\":[", "-1e-400");

    private const string RandomAlphabet = "{}[]\":,0123456789-.eEtruefalsn \\";

    private static readonly string[][] SizeFieldOrders = { new[] { "h", "w", "url" }, new[] { "url", "w", "h" } };

    private static readonly string[] SmallIntegers = { "0", "1", "48", "300", "313", "500", "626", "1500", "2147483647", "-1" };

    private readonly StringBuilder text = new(2048);

    // Half of the bodies are "clean": a wrong type is rare, so the parsers' success paths are exercised as much as their refusals.
    private bool clean;
    private readonly List<byte> bytes = new(4096);

    /// <summary>One body; <paramref name="shape"/> says what it was built as, for the notes.</summary>
    public byte[] Next(FuzzRandom random, out int shape)
    {
        text.Clear();
        clean = random.Coin();
        shape = random.Next(100);
        byte[] body;
        if (shape < 8)
        {
            body = random.Pick(FixtureBodies);
        }
        else if (shape < 92)
        {
            if (shape < 33)
            {
                User(random);
            }
            else if (shape < 55)
            {
                Banner(random);
            }
            else if (shape < 67)
            {
                Errors(random);
            }
            else if (shape < 85)
            {
                Value(random, random.Next(1, 6));
            }
            else
            {
                Nesting(random);
            }

            body = Encoding.UTF8.GetBytes(text.ToString());
        }
        else
        {
            body = new byte[random.Next(0, 48)];
            for (int i = 0; i < body.Length; i++)
            {
                body[i] = random.Chance(1, 2) ? (byte)RandomAlphabet[random.Next(RandomAlphabet.Length)] : (byte)random.Next(256);
            }
        }

        if (random.Chance(11, 20))
        {
            return body;
        }

        bytes.Clear();
        bytes.AddRange(body);
        int mutations = random.Next(1, 5);
        for (int i = 0; i < mutations; i++)
        {
            Mutate(random);
        }

        return bytes.ToArray();
    }

    private static byte[][] LoadHandWrittenBodies()
    {
        var bodies = new List<byte[]>();
        foreach (string name in TestData.AllJsonFileNames())
        {
            bodies.Add(TestData.ReadBytes(name));
        }

        return bodies.ToArray();
    }

    private static string[] SizeNamesPlus(params string[] extra)
    {
        var names = new List<string>(BannerSize.Names);
        names.AddRange(extra);
        return names.ToArray();
    }

    private static byte[][] ToBytes(params string[] tokens) => Array.ConvertAll(tokens, token => Encoding.UTF8.GetBytes(token));

    private void Mutate(FuzzRandom random)
    {
        int at = random.Next(bytes.Count + 1);
        switch (random.Next(8))
        {
            case 0:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 1:
                if (at < bytes.Count)
                {
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 2:
                if (at < bytes.Count)
                {
                    bytes[at] = (byte)random.Next(256);
                }

                break;
            case 3:
                bytes.InsertRange(at, random.Pick(BadBytes));
                break;
            case 4:
                if (at < bytes.Count)
                {
                    bytes.RemoveRange(at, random.Next(1, Math.Min(16, bytes.Count - at) + 1));
                }

                break;
            case 5:
                if (at < bytes.Count)
                {
                    int length = random.Next(1, Math.Min(32, bytes.Count - at) + 1);
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                }

                break;
            default:
                bytes.InsertRange(at, random.Pick(Tokens));
                break;
        }
    }

    private void User(FuzzRandom random)
    {
        text.Append('{');
        bool first = true;
        int start = random.Next(UserFields.Length);
        for (int i = 0; i < UserFields.Length; i++)
        {
            string field = UserFields[(start + i) % UserFields.Length];
            if (random.Chance(1, 8))
            {
                continue;
            }

            Name(ref first, field);
            switch (field)
            {
                case "id":
                    NumberOr(random);
                    break;
                case "default_profile_image":
                    if (random.Chance(3, 4))
                    {
                        text.Append(random.Coin() ? "true" : "false");
                    }
                    else
                    {
                        Wrong(random);
                    }

                    break;
                default:
                    StringOr(random);
                    break;
            }
        }

        Unknown(random, ref first);
        text.Append('}');
    }

    private void Banner(FuzzRandom random)
    {
        text.Append('{');
        bool first = true;
        Unknown(random, ref first);
        Name(ref first, random.Chance(15, 16) ? "sizes" : random.Pick(UnknownNames));
        if (random.Chance(5, 6))
        {
            text.Append('{');
            bool firstSize = true;
            int count = random.Next(0, 11);
            for (int i = 0; i < count; i++)
            {
                Name(ref firstSize, random.Pick(SizeNames));
                if (clean || random.Chance(7, 8))
                {
                    text.Append('{');
                    bool firstField = true;
                    foreach (string field in random.Pick(SizeFieldOrders))
                    {
                        if (random.Chance(1, clean ? 200 : 16))
                        {
                            continue;
                        }

                        Name(ref firstField, field);
                        if (field == "url")
                        {
                            StringOr(random);
                        }
                        else
                        {
                            NumberOr(random);
                        }
                    }

                    Unknown(random, ref firstField);
                    text.Append('}');
                }
                else
                {
                    Wrong(random);
                }
            }

            text.Append('}');
        }
        else
        {
            Wrong(random);
        }

        Unknown(random, ref first);
        text.Append('}');
    }

    private void Errors(FuzzRandom random)
    {
        text.Append('{');
        bool first = true;
        if (random.Chance(4, 5))
        {
            Name(ref first, "errors");
            if (random.Chance(5, 6))
            {
                text.Append('[');
                int count = random.Next(0, 4);
                for (int i = 0; i < count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    if (random.Chance(5, 6))
                    {
                        text.Append('{');
                        bool firstField = true;
                        Name(ref firstField, "code");
                        NumberOr(random);
                        Name(ref firstField, "message");
                        StringOr(random);
                        Unknown(random, ref firstField);
                        text.Append('}');
                    }
                    else
                    {
                        Wrong(random);
                    }
                }

                text.Append(']');
            }
            else
            {
                Wrong(random);
            }
        }

        if (random.Chance(1, 3))
        {
            Name(ref first, "error");
            StringOr(random);
        }

        Unknown(random, ref first);
        text.Append('}');
    }

    private void Nesting(FuzzRandom random)
    {
        int depth = random.Next(8) switch
        {
            < 5 => random.Next(60, 70),
            < 7 => random.Next(1, 200),
            _ => random.Chance(1, 16) ? random.Next(10_000, 100_000) : random.Next(200, 2000),
        };
        bool objects = random.Coin();
        for (int i = 0; i < depth; i++)
        {
            text.Append(objects && random.Coin() ? "{\"a\":" : "[");
        }

        text.Append(random.Coin() ? "1" : "{}");
        if (random.Chance(3, 4))
        {
            string built = text.ToString();
            for (int i = built.Length - 1; i >= 0; i--)
            {
                if (built[i] == '[')
                {
                    text.Append(']');
                }
                else if (built[i] == ':')
                {
                    text.Append('}');
                }
            }
        }
    }

    private void Value(FuzzRandom random, int depth)
    {
        switch (depth <= 0 ? random.Next(3, 8) : random.Next(8))
        {
            case 0:
            case 1:
                text.Append('{');
                bool first = true;
                int members = random.Next(0, 6);
                for (int i = 0; i < members; i++)
                {
                    Name(ref first, random.Chance(1, 2) ? random.Pick(UserFields) : random.Pick(UnknownNames));
                    Value(random, depth - 1);
                }

                text.Append('}');
                break;
            case 2:
                text.Append('[');
                int items = random.Next(0, 6);
                for (int i = 0; i < items; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Value(random, depth - 1);
                }

                text.Append(']');
                break;
            case 3:
            case 4:
                text.Append('"').Append(random.Pick(Strings)).Append('"');
                break;
            case 5:
            case 6:
                Number(random);
                break;
            default:
                text.Append(random.Pick(Literals));
                break;
        }

        if (random.Chance(1, 16))
        {
            text.Append(random.Pick(Spaces));
        }
    }

    private static readonly string[] Literals = { "true", "false", "null" };

    private static readonly string[] Spaces = { " ", "\t", "\r\n", "\n  " };

    private void Name(ref bool first, string name)
    {
        if (!first)
        {
            text.Append(',');
        }

        first = false;
        text.Append('"').Append(name).Append("\":");
    }

    private void Unknown(FuzzRandom random, ref bool first)
    {
        int count = random.Chance(2, 3) ? 0 : random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            Name(ref first, random.Chance(1, 3) ? random.Pick(UserFields) : random.Pick(UnknownNames));
            Value(random, random.Next(0, 3));
        }
    }

    private void StringOr(FuzzRandom random)
    {
        if (clean ? !random.Chance(1, 40) : random.Chance(3, 4))
        {
            text.Append('"').Append(random.Pick(Strings)).Append('"');
        }
        else
        {
            Wrong(random);
        }
    }

    private void NumberOr(FuzzRandom random)
    {
        if (clean && !random.Chance(1, 40))
        {
            text.Append(random.Pick(SmallIntegers));
        }
        else if (random.Chance(3, 4))
        {
            Number(random);
        }
        else
        {
            Wrong(random);
        }
    }

    private void Number(FuzzRandom random)
    {
        if (random.Chance(3, 4))
        {
            text.Append(random.Pick(Numbers));
            return;
        }

        if (random.Coin())
        {
            text.Append('-');
        }

        int digits = random.Next(1, 40);
        text.Append((char)('1' + random.Next(9)));
        for (int i = 1; i < digits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        if (random.Chance(1, 4))
        {
            text.Append('.').Append(random.Next(1000));
        }

        if (random.Chance(1, 4))
        {
            text.Append(random.Coin() ? "e" : "E").Append(random.Coin() ? "-" : "+").Append(random.Next(1000));
        }
    }

    /// <summary>A value of the wrong type for where it stands.</summary>
    private void Wrong(FuzzRandom random)
    {
        switch (random.Next(7))
        {
            case 0:
                text.Append('"').Append(random.Pick(Numbers)).Append('"');
                break;
            case 1:
                text.Append("null");
                break;
            case 2:
                text.Append(random.Coin() ? "true" : "false");
                break;
            case 3:
                text.Append(random.Coin() ? "[]" : "{}");
                break;
            case 4:
                Number(random);
                break;
            case 5:
                text.Append('"').Append(random.Pick(Strings)).Append('"');
                break;
            default:
                Value(random, random.Next(1, 3));
                break;
        }
    }
}
