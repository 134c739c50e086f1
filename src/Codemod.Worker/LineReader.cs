namespace Codemod.Worker;

/// <summary>Reads newline-terminated byte lines from a stream into one growing buffer; a line stays valid until the next call.</summary>
internal sealed class LineReader(Stream input)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    /// <summary>The next non-empty line without its newline, or null at end of input.</summary>
    public ArraySegment<byte>? Next()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = new ArraySegment<byte>(_buffer, _start, newline - _start);
                _start = newline + 1;
                if (line.Count == 0 || line.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    continue;
                }

                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = input.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }
}
