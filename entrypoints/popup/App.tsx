// Owns the popup (minimal until the popup issue): what LureWatch is and that it works on this device only.
export function App() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', width: '320px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>LureWatch</h1>
      <p style={{ margin: 0 }}>
        LureWatch marks job offers that carry the warning signs of trafficking lures. It reads pages on this device
        only and sends nothing anywhere.
      </p>
    </main>
  );
}
