import AcumenCore
import Foundation

/// The BG/NBD log-likelihood and its analytic gradient over aggregated data.
///
/// With θ = (ln r, ln α, ln a, ln b), each triple contributes
///   ℓ = A(x) + ln(e^{u₃} + 1{x>0} e^{u₄}),
///   A(x) = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x),
///   u₃ = −(r+x) ln(α+T),  u₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
/// (FHL 2005 eq. 6). With softmax weights w₃, w₄ of (u₃, u₄) the partial derivatives are
///   ∂ℓ/∂r = ψ(r+x) − ψ(r) + ln α − w₃ ln(α+T) − w₄ ln(α+t_x)
///   ∂ℓ/∂α = r/α − (r+x)(w₃/(α+T) + w₄/(α+t_x))
///   ∂ℓ/∂a = ψ(a+b) − ψ(a+b+x) + w₄/a
///   ∂ℓ/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w₄/(b+x−1).
struct BGNBDLikelihood: Sendable {
    let data: BGNBDData
    /// Number of parallel chunks (1 below 16,384 triples).
    let chunks: Int

    init(data: BGNBDData) {
        self.data = data
        chunks = data.tripleCount >= 16_384 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    }

    /// Total log-likelihood and its gradient with respect to θ (log parameters).
    func evaluate(_ theta: [Double]) -> (logLikelihood: Double, gradient: [Double]) {
        let r = exp(theta[0]), alpha = exp(theta[1]), a = exp(theta[2]), b = exp(theta[3])
        let lnAlpha = log(alpha)
        let lT = data.ages.map { log(alpha + $0) }, iT = data.ages.map { 1 / (alpha + $0) }
        let lTx = data.recencies.map { log(alpha + $0) }, iTx = data.recencies.map { 1 / (alpha + $0) }
        let psiR = CLVMath.digamma(r), psiB = CLVMath.digamma(b), psiAB = CLVMath.digamma(a + b)
        let lgR = CLVMath.logGamma(r), lgB = CLVMath.logGamma(b), lgAB = CLVMath.logGamma(a + b)
        let lnA = log(a)
        // Per distinct x: constant part, its r/a/b derivatives, ln a − ln(b+x−1), 1/(b+x−1).
        var cx = [Double](), dr = [Double](), da = [Double](), db = [Double](), c4 = [Double](), ib = [Double]()
        for x in data.xs {
            let xd = Double(x)
            cx.append(CLVMath.logGamma(r + xd) - lgR + r * lnAlpha + lgAB + CLVMath.logGamma(b + xd) - lgB - CLVMath.logGamma(a + b + xd))
            dr.append(CLVMath.digamma(r + xd) - psiR + lnAlpha)
            let psiABX = CLVMath.digamma(a + b + xd)
            da.append(psiAB - psiABX)
            db.append(psiAB + CLVMath.digamma(b + xd) - psiB - psiABX)
            c4.append(x > 0 ? lnA - log(b + xd - 1) : -.infinity)
            ib.append(x > 0 ? 1 / (b + xd - 1) : 0)
        }
        let n = data.tripleCount, k = chunks
        var partial = [Double](repeating: 0, count: 5 * k)
        let data = self.data
        let (cxs, drs, das, dbs, c4s, ibs) = (cx, dr, da, db, c4, ib)
        partial.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own five slots, so sharing the buffer is race-free.
            nonisolated(unsafe) let out = buffer
            let body: @Sendable (Int) -> Void = { chunk in
                let (cx, dr, da, db, c4, ib) = (cxs, drs, das, dbs, c4s, ibs)
                let lo = n * chunk / k, hi = n * (chunk + 1) / k
                var ll = 0.0, gr = 0.0, ga = 0.0, gaa = 0.0, gb = 0.0
                for i in lo..<hi {
                    let xi = Int(data.xIndex[i]), ti = Int(data.tIndex[i]), si = Int(data.txIndex[i])
                    let w = data.weight[i]
                    let rx = r + Double(data.xs[xi])
                    let u3 = -rx * lT[ti]
                    var w3 = 1.0, w4 = 0.0, lse = u3
                    if data.xs[xi] > 0 {
                        let u4 = c4[xi] - rx * lTx[si]
                        // One of the two differences is exactly 0 and exp(±0) is exactly 1: skip that exp.
                        let m = max(u3, u4), d3 = u3 - m, d4 = u4 - m
                        let e3 = d3 == 0 ? 1.0 : exp(d3), e4 = d4 == 0 ? 1.0 : exp(d4), s = e3 + e4
                        lse = m + log(s); w3 = e3 / s; w4 = e4 / s
                    }
                    ll += w * (cx[xi] + lse)
                    gr += w * (dr[xi] - w3 * lT[ti] - w4 * lTx[si])
                    ga += w * (r / alpha - rx * (w3 * iT[ti] + w4 * iTx[si]))
                    gaa += w * (da[xi] + w4 / a)
                    gb += w * (db[xi] - w4 * ib[xi])
                }
                out[5 * chunk] = ll; out[5 * chunk + 1] = gr; out[5 * chunk + 2] = ga
                out[5 * chunk + 3] = gaa; out[5 * chunk + 4] = gb
            }
            if k == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: k, execute: body) }
        }
        var total = [Double](repeating: 0, count: 5)
        for c in 0..<k { for j in 0..<5 { total[j] += partial[5 * c + j] } }
        // Chain rule to log space: ∂ℓ/∂θ = param × ∂ℓ/∂param.
        return (total[0], [r * total[1], alpha * total[2], a * total[3], b * total[4]])
    }
}
