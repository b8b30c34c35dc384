using System.Collections.Generic;
using System.Text;

namespace ProfileMedia.Core.Json;

/// <summary>A strict recursive-descent parser for RFC 8259 JSON text, one instance per document.</summary>
/// <remarks>
/// Recursion is bounded by <see cref="JsonReader.MaxDepth"/>, far below what could exhaust the stack. Every read is
/// bounds-checked, so malformed input can only ever end in a <see cref="JsonFormatException"/>.
/// </remarks>
internal sealed class JsonParser
{
    private const int EndOfText = -1;
    private const char ByteOrderMark = '\uFEFF';

    private readonly string text;
    private readonly int utf8BaseOffset;
    private readonly StringBuilder escapedString = new();
    private int position;
    private int depth;

    /// <param name="text">The JSON text.</param>
    /// <param name="utf8BaseOffset">The array index of the text's first UTF-8 byte, so faults are reported as byte positions.</param>
    public JsonParser(string text, int utf8BaseOffset)
    {
        this.text = text;
        this.utf8BaseOffset = utf8BaseOffset;
    }

    /// <summary>Parses the whole text as one value with optional surrounding white space and a leading BOM.</summary>
    public JsonValue ParseDocument()
    {
        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            position = 1;
        }

        SkipWhitespace();
        JsonValue value = ParseValue();
        SkipWhitespace();
        if (position < text.Length)
        {
            throw Fail("Unexpected text after the JSON value.");
        }

        return value;
    }

    private JsonValue ParseValue()
    {
        switch (Peek())
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                return JsonValue.FromString(ParseString());
            case 't':
                ExpectLiteral("true");
                return JsonValue.True;
            case 'f':
                ExpectLiteral("false");
                return JsonValue.False;
            case 'n':
                ExpectLiteral("null");
                return JsonValue.Null;
            case '-':
            case >= '0' and <= '9':
                return ParseNumber();
            case EndOfText:
                throw Fail("Unexpected end of the text; a value was expected.");
            default:
                throw Fail("Unexpected character; a value was expected.");
        }
    }

    private JsonValue ParseObject()
    {
        EnterContainer();
        position++;
        SkipWhitespace();
        var members = new List<KeyValuePair<string, JsonValue>>();
        if (Peek() == '}')
        {
            position++;
            depth--;
            return JsonValue.FromMembers(members.ToArray());
        }

        while (true)
        {
            // Reached first and after every comma, so a trailing comma fails here.
            if (Peek() != '"')
            {
                throw Fail("A member name (a string) was expected.");
            }

            string name = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Fail("':' was expected after the member name.");
            }

            position++;
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonValue>(name, ParseValue()));
            SkipWhitespace();
            int next = Peek();
            position++;
            if (next == '}')
            {
                depth--;
                return JsonValue.FromMembers(members.ToArray());
            }

            if (next != ',')
            {
                position--;
                throw Fail("',' or '}' was expected.");
            }

            SkipWhitespace();
        }
    }

    private JsonValue ParseArray()
    {
        EnterContainer();
        position++;
        SkipWhitespace();
        var items = new List<JsonValue>();
        if (Peek() == ']')
        {
            position++;
            depth--;
            return JsonValue.FromItems(items.ToArray());
        }

        while (true)
        {
            if (Peek() == ']')
            {
                throw Fail("A value was expected; trailing commas are not allowed.");
            }

            items.Add(ParseValue());
            SkipWhitespace();
            int next = Peek();
            position++;
            if (next == ']')
            {
                depth--;
                return JsonValue.FromItems(items.ToArray());
            }

            if (next != ',')
            {
                position--;
                throw Fail("',' or ']' was expected.");
            }

            SkipWhitespace();
        }
    }

    private void EnterContainer()
    {
        if (++depth > JsonReader.MaxDepth)
        {
            throw Fail("The JSON is nested more than " + JsonReader.MaxDepthText + " levels deep.");
        }
    }

    /// <summary>Reads a string starting at its opening quote and leaves the position after the closing quote.</summary>
    private string ParseString()
    {
        int start = ++position;

        // Most strings have no escapes: find the closing quote and cut the text out in one piece.
        while (position < text.Length)
        {
            char c = text[position];
            if (c == '"')
            {
                return text.Substring(start, position++ - start);
            }

            if (c == '\\')
            {
                break;
            }

            if (c < ' ')
            {
                throw Fail("Control characters must be escaped in strings.");
            }

            position++;
        }

        StringBuilder builder = escapedString.Clear();
        builder.Append(text, start, position - start);
        while (true)
        {
            if (position >= text.Length)
            {
                throw Fail("The string is not terminated.");
            }

            char c = text[position];
            if (c == '"')
            {
                position++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                AppendEscape(builder);
            }
            else if (c < ' ')
            {
                throw Fail("Control characters must be escaped in strings.");
            }
            else
            {
                builder.Append(c);
                position++;
            }
        }
    }

    /// <summary>
    /// Decodes one escape sequence. A <c>\uXXXX</c> that is half of a surrogate pair is appended as it is: a pair
    /// written as two escapes joins up into one character, and a lone surrogate is kept unchanged, as in JavaScript.
    /// </summary>
    private void AppendEscape(StringBuilder builder)
    {
        int escapeStart = position;
        position++;
        int kind = Peek();
        position++;
        switch (kind)
        {
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case '/': builder.Append('/'); break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'u':
                if (text.Length - position < 4)
                {
                    position = escapeStart;
                    throw Fail("A \\u escape needs four hex digits.");
                }

                int code = 0;
                for (int i = 0; i < 4; i++)
                {
                    int digit = HexValue(text[position + i]);
                    if (digit < 0)
                    {
                        position = escapeStart;
                        throw Fail("A \\u escape needs four hex digits.");
                    }

                    code = (code << 4) | digit;
                }

                position += 4;
                builder.Append((char)code);
                break;
            case EndOfText:
                position = text.Length;
                throw Fail("The string is not terminated.");
            default:
                position = escapeStart;
                throw Fail("Unknown escape sequence.");
        }
    }

    private JsonValue ParseNumber()
    {
        int start = position;
        if (Peek() == '-')
        {
            position++;
        }

        if (Peek() == '0')
        {
            position++;
            if (IsDigit(Peek()))
            {
                throw Fail("Leading zeros are not allowed in numbers.");
            }
        }
        else
        {
            RequireDigits("A digit was expected.");
        }

        if (Peek() == '.')
        {
            position++;
            RequireDigits("A digit was expected after the decimal point.");
        }

        int exponent = Peek();
        if (exponent == 'e' || exponent == 'E')
        {
            position++;
            int sign = Peek();
            if (sign == '+' || sign == '-')
            {
                position++;
            }

            RequireDigits("A digit was expected in the exponent.");
        }

        return JsonValue.FromRawNumber(text.Substring(start, position - start));
    }

    private void RequireDigits(string message)
    {
        if (!IsDigit(Peek()))
        {
            throw Fail(message);
        }

        do
        {
            position++;
        }
        while (IsDigit(Peek()));
    }

    private void ExpectLiteral(string literal)
    {
        if (text.Length - position < literal.Length || string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Fail("Unexpected characters; '" + literal + "' was expected.");
        }

        position += literal.Length;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                return;
            }

            position++;
        }
    }

    private int Peek() => position < text.Length ? text[position] : EndOfText;

    private static bool IsDigit(int c) => c >= '0' && c <= '9';

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;

    private JsonFormatException Fail(string message) => new(message, ReportedPosition());

    private long ReportedPosition()
    {
        int characterPosition = position < text.Length ? position : text.Length;
        // The text came from valid UTF-8, so re-encoding its prefix gives back the exact byte count.
        return utf8BaseOffset + (long)Encoding.UTF8.GetByteCount(text.ToCharArray(0, characterPosition));
    }
}
