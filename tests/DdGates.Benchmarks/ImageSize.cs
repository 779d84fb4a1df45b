using System.Diagnostics;
using System.Globalization;

namespace DdGates.Benchmarks;

/// <summary>The image built by tests/container/run-like-runner.sh (podman), if it is on this machine.</summary>
internal static class ImageSize
{
    public static string Describe(string image)
    {
        var bytes = Run("podman", "image", "inspect", image, "--format", "{{.Size}}");
        if (bytes is null || !long.TryParse(bytes.Trim(), out var size))
        {
            return $"Not measured: no {image} here. Build it with `bash tests/container/run-like-runner.sh src/DdGates.Emulator/bin/Release/net10.0/dd-gates-emulator.dll`.\n";
        }

        var compressed = Run("sh", "-c", $"podman save --format oci-archive {image} 2>/dev/null | gzip -c | wc -c");
        var gzipped = long.Parse(compressed!.Trim(), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"`{image}` from the real Dockerfile, on local stand-ins of the base images (see tests/container): {size / 1e6:0.0} MB uncompressed, {gzipped / 1e6:0.0} MB gzip-compressed. The stand-in runtime-deps base is 15.4 MB, a little larger than Microsoft's chiseled image.\n");
    }

    /// <summary>The image's size and its gzip-compressed size in bytes; null when it is not on this machine.</summary>
    public static (long Size, long Compressed)? Figures(string image)
    {
        if (Run("podman", "image", "inspect", image, "--format", "{{.Size}}") is not { } bytes || !long.TryParse(bytes.Trim(), out var size)) return null;
        var compressed = Run("sh", "-c", $"podman save --format oci-archive {image} 2>/dev/null | gzip -c | wc -c");
        return (size, long.Parse(compressed!.Trim(), CultureInfo.InvariantCulture));
    }

    private static string? Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
