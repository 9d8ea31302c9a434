//go:build !purego

#include "textflag.h"

// func addRows16(z *[16]float64, w *float32, fs *feat, n int)
//
// For each of the n features at fs, in order, adds the 16 float32 weights
// of its row (w + 64*fs.h) to the 16 float64 sums z, lane by lane: z[d]
// receives the rows' weights one after the other, as the Go loop adds
// them, so every sum is the same to the last bit. The sums stay in eight
// registers for the whole run; CVTPS2PD widens two weights exactly and
// ADDPD adds them to two sums.
TEXT ·addRows16(SB), NOSPLIT, $0-32
	MOVQ z+0(FP), DI
	MOVQ w+8(FP), SI
	MOVQ fs+16(FP), BX
	MOVQ n+24(FP), CX
	MOVUPD 0(DI), X0
	MOVUPD 16(DI), X1
	MOVUPD 32(DI), X2
	MOVUPD 48(DI), X3
	MOVUPD 64(DI), X4
	MOVUPD 80(DI), X5
	MOVUPD 96(DI), X6
	MOVUPD 112(DI), X7
	TESTQ CX, CX
	JEQ done

loop:
	MOVQ 0(BX), AX
	SHLQ $6, AX
	ADDQ SI, AX
	CVTPS2PD 0(AX), X8
	ADDPD X8, X0
	CVTPS2PD 8(AX), X9
	ADDPD X9, X1
	CVTPS2PD 16(AX), X10
	ADDPD X10, X2
	CVTPS2PD 24(AX), X11
	ADDPD X11, X3
	CVTPS2PD 32(AX), X12
	ADDPD X12, X4
	CVTPS2PD 40(AX), X13
	ADDPD X13, X5
	CVTPS2PD 48(AX), X14
	ADDPD X14, X6
	CVTPS2PD 56(AX), X8
	ADDPD X8, X7
	ADDQ $16, BX
	DECQ CX
	JNE loop

done:
	MOVUPD X0, 0(DI)
	MOVUPD X1, 16(DI)
	MOVUPD X2, 32(DI)
	MOVUPD X3, 48(DI)
	MOVUPD X4, 64(DI)
	MOVUPD X5, 80(DI)
	MOVUPD X6, 96(DI)
	MOVUPD X7, 112(DI)
	XORPS X15, X15
	RET
