/**
 * bp model files: a trained network's architecture and weights, its loss, metadata and extra arrays such as
 * optimizer state, saved with {@link dev.backprop.core.io.ModelFile#save} and loaded with
 * {@link dev.backprop.core.io.ModelFile#load}. The format is declarative — no Java serialization, no class
 * names: plug-ins are referred to by their registered names, and a file that needs a plug-in the class path or
 * module path lacks is refused with the name and how to add it.
 *
 * <h2>The format, version 1</h2>
 *
 * <p>A model file (by convention {@code *.bp}) is a ZIP archive that numpy opens as an {@code .npz}:
 * <pre>
 *   manifest.txt                  the first entry: architecture, loss, metadata, checksums
 *   layer0.W.npy  layer0.b.npy    the network's parameters, layer by layer (b only when the layer has a bias)
 *   layer1.W.npy  ...
 *   &lt;key&gt;.npy                     extra arrays, e.g. optimizer/layer0.W/m.npy, scaler/mean.npy
 * </pre>
 * Every entry is stored uncompressed (like {@code numpy.savez}). Keys of extra arrays and metadata consist of
 * letters, digits, {@code .}, {@code _}, {@code /} and {@code -}; array keys have no empty, {@code .} or
 * {@code ..} segment between slashes, and {@code layer<i>.W} and {@code layer<i>.b} are the network's. Nothing
 * else may be in the archive.
 *
 * <h3>Arrays</h3>
 * <p>Each array is an NPY file, version 1.0: the magic {@code \x93NUMPY}, the bytes 1 and 0, the header length
 * as a little-endian uint16, the header {@code {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), }}
 * padded with spaces and a final newline so that everything up to here is a multiple of 64 bytes, then the
 * r·c values as little-endian IEEE 754 doubles in row-major order. W of a layer with {@code in} inputs and
 * {@code out} outputs has shape (in, out) and b has shape (1, out), so that a layer computes
 * {@code A = f(X W + b)} with samples in rows. The bytes are exactly those {@code numpy.save} writes for the same
 * array. Reading also accepts NPY versions 2.0 and 3.0, column-major ({@code fortran_order: True}) data and 1-D
 * arrays, which are read as one row.
 *
 * <h3>Manifest</h3>
 * <p>{@code manifest.txt} is UTF-8 text, one {@code key = value} per line: the key, exactly one space, {@code =},
 * one space, and the value — the rest of the line, verbatim. There is no escaping: a value may contain spaces,
 * {@code =} and {@code #}, but no line break, and values with CR or LF are refused on save. Lines end with LF;
 * empty lines and lines starting with {@code #} are ignored; every key appears at most once. The keys:
 * <table>
 * <caption>manifest keys</caption>
 * <tr><th>key</th><th>value</th><th>example</th></tr>
 * <tr><td>{@code format}</td><td>always {@code bp-model}; required</td><td>{@code bp-model}</td></tr>
 * <tr><td>{@code format-version}</td><td>the format version, required; this bp reads and writes 1</td>
 *     <td>{@code 1}</td></tr>
 * <tr><td>{@code input}</td><td>inputs per sample, equal to layer 0's {@code in}; required</td>
 *     <td>{@code 2}</td></tr>
 * <tr><td>{@code layers}</td><td>the number of layers L, required</td><td>{@code 2}</td></tr>
 * <tr><td>{@code layer.<i>}</td><td>layer i's sizes, bias flag and dropout rate, exactly in this form;
 *     required for i = 0 … L−1</td><td>{@code in=2 out=2 bias=true dropout=0.0}</td></tr>
 * <tr><td>{@code layer.<i>.activation}</td><td>layer i's activation: registered name and parameters, as
 *     {@link dev.backprop.core.spi.ComponentSpec} writes them; required</td>
 *     <td>{@code leaky-relu(alpha=0.01)}</td></tr>
 * <tr><td>{@code loss}</td><td>the loss, name and parameters; optional</td>
 *     <td>{@code softmax-cross-entropy}</td></tr>
 * <tr><td>{@code meta.<key>}</td><td>free metadata; optional. Checkpoints record their training position
 *     here</td><td>{@code meta.epoch = 12}</td></tr>
 * <tr><td>{@code sha256.<entry>}</td><td>the SHA-256 of the array entry's bytes (the whole {@code .npy}), 64
 *     lower-case hex digits; required for every array entry and only for those</td>
 *     <td>{@code sha256.layer0.W.npy = 9f86d0…}</td></tr>
 * </table>
 * Any other key is an error in version 1. The writer puts the keys in the order of this table, layer by
 * layer, so the same document always gives the same bytes.
 *
 * <h3>Limits and checks on load</h3>
 * <ul>
 * <li>the manifest is at most {@value dev.backprop.core.io.ModelFile#MAX_MANIFEST_BYTES} bytes (1 MiB), an NPY
 *     header at most {@value dev.backprop.core.io.ModelFile#MAX_NPY_HEADER_BYTES} bytes (64 KiB), the archive
 *     at most {@value dev.backprop.core.io.ModelFile#MAX_ENTRIES} entries;</li>
 * <li>every array's shape is checked against its entry's size in the archive's central directory, and a
 *     parameter's against the architecture, before anything is allocated for it; a shape of more than
 *     2<sup>31</sup> − 1 values is refused;</li>
 * <li>every entry's CRC-32 and every array's SHA-256 are verified;</li>
 * <li>a file of another {@code format-version} is refused with both versions named.</li>
 * </ul>
 *
 * <h3>Reading a model file with numpy</h3>
 * <pre>
 * import numpy as np
 * m = np.load("model.bp")
 * print(m["layer0.W"].shape)
 * </pre>
 * {@code m.files} lists the arrays, and {@code m["manifest.txt"].decode()} gives the manifest.
 *
 * <h3>Saving</h3>
 * <p>A save writes {@code .<name>.<random>.tmp} in the same folder, forces it to the device and renames it over
 * the target in one atomic step. A crash or killed process mid-save leaves the previous file intact and maybe
 * such a temporary file, which loading never looks at and which the next save to the same target removes (once
 * it is 30 seconds old, so that a save in progress elsewhere is left alone). Only a regular file is replaced: a
 * directory, symbolic link, device or other special file at the target is refused before anything is written.
 *
 * <h3>Loading</h3>
 * <p>Before any array is read, each entry's span in the file (local header, name and data, found from the central
 * directory) is checked against the others: entries that share bytes, as in a forged archive that points many
 * records at one entry's data, are refused; and entries whose sizes, headers and directory records add up to more
 * than the file holds are refused too (this also covers ZIP64 archives), so a small file cannot make the reader
 * allocate much more than its own size. Weights and biases must be finite; a NaN or infinite value is refused with its entry and index.
 */
package dev.backprop.core.io;
