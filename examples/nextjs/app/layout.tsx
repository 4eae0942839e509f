import type { ReactNode } from 'react';
import '../../shared/example.css';

export const metadata = { title: 'mfa-elements in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
