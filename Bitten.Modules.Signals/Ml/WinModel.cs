using System.Text;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// A trained win-probability model: the feature schema, the boosted trees and the isotonic calibration.
/// <see cref="Predict"/> allocates nothing. <see cref="Serialize"/> / <see cref="Deserialize"/> round-trip
/// every bit (the registry stores the bytes).
/// </summary>
internal sealed class WinModel
{
    private const uint Magic = 0x314D5742; // "BWM1"
    private const int FormatVersion = 1;

    public WinModel(string version, FeatureSchema schema, TreeEnsemble trees, IsotonicCalibration calibration)
    {
        if (trees.FeatureCount != schema.Count)
        {
            throw new ArgumentException($"the trees expect {trees.FeatureCount} features, the schema has {schema.Count}");
        }

        Version = version;
        Schema = schema;
        Trees = trees;
        Calibration = calibration;
    }

    public string Version { get; }

    public FeatureSchema Schema { get; }

    public TreeEnsemble Trees { get; }

    public IsotonicCalibration Calibration { get; }

    /// <summary>The calibrated probability of a win for a signal's stored features.</summary>
    public double Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol)
    {
        Span<float> x = stackalloc float[64];
        x = x[..Schema.Count];
        Schema.Extract(features, pattern, symbol, x);
        return Calibration.Apply(Trees.Probability(x));
    }

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(Version);
            w.Write(Schema.Version);
            WriteStrings(w, Schema.Patterns);
            WriteStrings(w, Schema.Symbols);
            WriteStrings(w, Schema.Numeric);
            w.Write(Trees.FeatureCount);
            w.Write(Trees.BaseMargin);
            w.Write(Trees.Roots.Length);
            foreach (var root in Trees.Roots)
            {
                w.Write(root);
            }

            w.Write(Trees.Nodes.Length);
            foreach (var node in Trees.Nodes)
            {
                w.Write(node.Feature);
                w.Write(node.Value);
                w.Write(node.Left);
            }

            w.Write(Calibration.X.Length);
            foreach (var x in Calibration.X)
            {
                w.Write(x);
            }

            foreach (var y in Calibration.Y)
            {
                w.Write(y);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads <see cref="Serialize"/>'s bytes; a damaged or foreign blob is an <see cref="InvalidDataException"/>.</summary>
    public static WinModel Deserialize(byte[] bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (r.ReadUInt32() != Magic || r.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a BITTEN win model (format 1)");
            }

            var version = r.ReadString();
            var schema = new FeatureSchema(r.ReadString(), ReadStrings(r), ReadStrings(r), ReadStrings(r));
            var featureCount = r.ReadInt32();
            var baseMargin = r.ReadDouble();
            var roots = new int[Count(r, bytes.Length)];
            for (var i = 0; i < roots.Length; i++)
            {
                roots[i] = r.ReadInt32();
            }

            var nodes = new TreeNode[Count(r, bytes.Length)];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new TreeNode(r.ReadInt32(), r.ReadSingle(), r.ReadInt32());
            }

            Validate(roots, nodes, featureCount);
            var points = Count(r, bytes.Length);
            var cx = new double[points];
            var cy = new double[points];
            for (var i = 0; i < points; i++)
            {
                cx[i] = r.ReadDouble();
            }

            for (var i = 0; i < points; i++)
            {
                cy[i] = r.ReadDouble();
            }

            if (r.BaseStream.Position != bytes.Length)
            {
                throw new InvalidDataException("trailing bytes after the model");
            }

            return new WinModel(version, schema, new TreeEnsemble(featureCount, baseMargin, roots, nodes), new IsotonicCalibration(cx, cy));
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"damaged win model: {ex.Message}", ex);
        }
    }

    private static void Validate(int[] roots, TreeNode[] nodes, int featureCount)
    {
        foreach (var root in roots)
        {
            if ((uint)root >= (uint)nodes.Length)
            {
                throw new InvalidDataException("a tree root points outside the node array");
            }
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (!node.IsLeaf && (node.Feature >= featureCount || node.Left <= i || node.Left + 1 >= nodes.Length))
            {
                throw new InvalidDataException($"node {i} is malformed");
            }
        }
    }

    private static int Count(BinaryReader r, int limit)
    {
        var count = r.ReadInt32();
        return count < 0 || count > limit ? throw new InvalidDataException($"implausible count {count}") : count;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[Count(r, int.MaxValue / 2)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }
}
