/** Input helpers shared by the file loaders: transparent gzip decompression detected by magic bytes. */
package dev.backprop.data.io;
