import { pick, seeded, skewed, type Random } from './prng.ts';

const given = `Wei Jing Yu Hao Min Xin Lei Yang Jun Tao Anna Maria Elena Sofia Laura Sarah Emily Olivia Julia Clara
James John Michael David Daniel Thomas Lukas Jonas Felix Paul Pierre Luca Marco Matteo Ivan Dmitri Sergey Alexei
Hiroshi Takumi Yuki Kenji Ji-woo Min-jun Seo-yeon Arjun Rohan Priya Ananya Vikram Ahmed Omar Fatima Layla Mehmet
Ayse Carlos Diego Lucia Camila Kofi Amara Noah Liam Ethan Mia Zoe Nikolai Ingrid Sven Astrid`.split(/\s+/);

const family = `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Smith Johnson Brown
Miller Davis Wilson Anderson Taylor Moore Martin Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Rossi Russo
Ferrari Bianchi Romano Dubois Laurent Bernard Moreau Garcia Martinez Lopez Gonzalez Rodriguez Fernandez Ivanov Petrov
Smirnov Sato Suzuki Takahashi Tanaka Watanabe Kim Lee Park Choi Jung Kang Sharma Patel Singh Gupta Kumar Reddy Iyer
Hassan Ali Yilmaz Kaya Silva Santos Oliveira Pereira Mensah Okafor Nguyen Tran Pham Cohen Levi Andersson Nilsson
Johansson Hansen Jensen Novak Kowalski`.split(/\s+/);

/** A pool of `size` distinct author names, the same for every corpus. */
export function authorPool(size = 6000): string[] {
  const random = seeded(7);
  const names = new Set<string>();
  while (names.size < Math.min(size, given.length * family.length))
    names.add(`${pick(random, given)} ${pick(random, family)}`);
  return [...names];
}

/** `count` distinct authors; a few authors write many papers, most write one or two. */
export function pickAuthors(random: Random, pool: string[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pool[skewed(random, pool.length, 1.6)]);
  return [...chosen];
}
