/**
 * IDX files, the format of MNIST ({@link dev.backprop.data.idx.IdxReader}), and the MNIST images and labels as a
 * labeled data set ({@link dev.backprop.data.idx.MnistLoader}). Headers are validated before anything is
 * allocated, so a corrupt or hostile header fails fast with the claimed sizes in the message.
 */
package dev.backprop.data.idx;
