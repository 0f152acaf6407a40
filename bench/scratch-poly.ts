import { pinyin } from 'pinyin-pro'
import words from '../resources/demo/words.json'
import article from '../resources/demo/industries.json'
const all = [...words.brands, ...words.cities.map((c) => c.city), ...article.industries.flatMap((t) => t.children.flatMap((c) => [...c.words, ...c.products])), '有限公司', '股份有限公司', '集团有限公司', '科技有限公司', '一期', '二期', '三期', '项目']
const poly = (w: string) => [...w].some((ch) => (pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[]).length > 1)
const bad = all.filter(poly)
console.log(all.length, bad.length, bad.join(' '))
